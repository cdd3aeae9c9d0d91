package io.stride.workout.readings;

import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every sample of a batch in one pass (a tight loop, not a validator call per sample: a
 * batch holds up to 5,000) and names each bad one by index; the batch is refused whole (422) so a
 * device never has half a batch stored.
 */
final class ReadingRules {

  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Duration CLOCK_SKEW = Duration.ofHours(1);
  private static final int MAX_REPORTED = 20;

  private ReadingRules() {}

  /** The parsed batch, or 422 listing (up to twenty) offending samples. */
  static ParsedBatch check(ReadingBatchRequest request, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    int n = request.samples().size();
    short[] types = new short[n];
    Instant[] times = new Instant[n];
    double[] values = new double[n];
    double[] lats = new double[n];
    double[] lngs = new double[n];
    Instant latest = now.plus(CLOCK_SKEW);
    for (int i = 0; i < n && errors.size() < MAX_REPORTED; i++) {
      ReadingBatchRequest.Sample sample = request.samples().get(i);
      String at = "samples[" + i + "]";
      if (sample == null) {
        errors.add(new FieldError(at, "is null"));
        continue;
      }
      ReadingType type = ReadingType.fromApiName(sample.type());
      if (type == null) {
        errors.add(new FieldError(at + ".type", "unknown reading type"));
        continue;
      }
      if (sample.time() == null
          || sample.time().isBefore(EARLIEST)
          || sample.time().isAfter(latest)) {
        errors.add(new FieldError(at + ".time", "missing, before 2000 or in the future"));
        continue;
      }
      types[i] = type.code;
      times[i] = sample.time();
      if (type == ReadingType.GPS) {
        if (!within(sample.lat(), -90, 90) || !within(sample.lng(), -180, 180)) {
          errors.add(new FieldError(at, "gps needs lat in [-90, 90] and lng in [-180, 180]"));
          continue;
        }
        lats[i] = sample.lat();
        lngs[i] = sample.lng();
        values[i] = sample.alt() == null ? Double.NaN : sample.alt();
        if (sample.alt() != null && !within(sample.alt(), type.min, type.max)) {
          errors.add(new FieldError(at + ".alt", "out of range"));
        }
      } else {
        if (!within(sample.value(), type.min, type.max)) {
          errors.add(
              new FieldError(
                  at + ".value",
                  type.apiName() + " must be between " + type.min + " and " + type.max));
          continue;
        }
        values[i] = sample.value();
        lats[i] = Double.NaN;
        lngs[i] = Double.NaN;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new ParsedBatch(types, times, values, lats, lngs);
  }

  private static boolean within(Double value, double min, double max) {
    return value != null && Double.isFinite(value) && value >= min && value <= max;
  }

  /** A checked batch as columns, ready for one bulk insert. NaN = absent. */
  record ParsedBatch(
      short[] types, Instant[] times, double[] values, double[] lats, double[] lngs) {

    int size() {
      return types.length;
    }
  }
}
