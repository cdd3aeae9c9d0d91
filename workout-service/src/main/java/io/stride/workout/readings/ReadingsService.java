package io.stride.workout.readings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.web.InvalidRequestException;
import io.stride.workout.athletes.Athletes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tracker readings: exactly-once batch ingestion and daily aggregates. */
@Service
class ReadingsService {

  static final int MAX_DAYS = 366;

  private final ReadingStore store;
  private final ReadingSummaries summaries;
  private final Athletes athletes;
  private final Clock clock;
  private final Counter samples;

  ReadingsService(
      ReadingStore store,
      ReadingSummaries summaries,
      Athletes athletes,
      Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.summaries = summaries;
    this.athletes = athletes;
    this.clock = clock;
    this.samples =
        Counter.builder("stride.readings.samples.stored")
            .description("Tracker samples stored (duplicates excluded)")
            .register(meters);
  }

  /**
   * Stores a batch once: the batch number and the samples commit together, so a retry after a lost
   * answer finds the batch and stores nothing, and a retry after a failure stores it all.
   */
  @Transactional
  ReadingBatchResponse ingest(UUID user, ReadingBatchRequest request) {
    ReadingRules.ParsedBatch batch = ReadingRules.check(request, clock.instant());
    ReadingStore.Stored stored =
        store.insert(
            user,
            request.deviceId(),
            request.batch(),
            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
            batch);
    samples.increment(stored.samples());
    if (stored.samples() > 0) {
      summaries.due(user, athletes.of(user).timeZone(), batch.times());
    }
    return new ReadingBatchResponse(
        request.batch(), batch.size(), stored.samples(), !stored.newBatch());
  }

  /**
   * Per day in the athlete's time zone, {@code from} to {@code to} inclusive: steps (the device
   * that counted most that day, so a watch and a phone are not added up), resting heart rate (the
   * day's 5th percentile), average and maximum heart rate, last weight.
   */
  @Transactional(readOnly = true)
  List<DailyReadings> daily(UUID user, LocalDate from, LocalDate to) {
    if (from == null || to == null || to.isBefore(from)) {
      throw InvalidRequestException.of("to", "from and to are dates with from <= to");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw InvalidRequestException.of("to", "at most " + MAX_DAYS + " days at a time");
    }
    return store.daily(user, athletes.of(user).timeZone(), from, to);
  }
}
