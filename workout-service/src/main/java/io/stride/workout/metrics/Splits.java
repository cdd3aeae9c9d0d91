package io.stride.workout.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits per kilometre or per mile: the activity cut at every whole unit of distance, the cut
 * placed by linear interpolation inside the step that crosses it; the last split holds what is
 * left. Each split has its elapsed and moving time, its elevation change (smoothed altitude) and
 * its time-weighted average heart rate.
 */
final class Splits {

  static final double KILOMETRE = 1000;
  static final double MILE = 1609.344;

  /** One split; {@code averageSpeed} is distance over moving time. */
  record Split(
      int number,
      double meters,
      double elapsedSeconds,
      double movingSeconds,
      Double elevationChange,
      Double averageHeartRate,
      Double averageSpeed) {}

  private Splits() {}

  static List<Split> of(Motion motion, double unit, double[] altitude, double[] heartRate) {
    List<Split> splits = new ArrayList<>();
    if (!motion.hasDistance() || motion.totalDistance() <= 0) {
      return splits;
    }
    Accumulator current = new Accumulator(1, 0, altitudeAt(altitude, 0));
    double nextCut = unit;
    for (int i = 1; i < motion.size(); i++) {
      double d0 = motion.distance(i - 1);
      double d1 = motion.distance(i);
      double step = motion.stepSeconds(i);
      double hr = heartRate == null ? Double.NaN : heartRate[i - 1];
      double done = 0; // fraction of this step already given to earlier splits
      while (d1 >= nextCut && d1 > d0) {
        double fraction = (nextCut - d0) / (d1 - d0);
        current.add(motion, i, step * (fraction - done), hr);
        double cutAltitude = interpolate(altitude, i, fraction);
        splits.add(current.close(unit, cutAltitude));
        current = new Accumulator(current.number + 1, current.elapsedEnd, cutAltitude);
        done = fraction;
        nextCut += unit;
      }
      current.add(motion, i, step * (1 - done), hr);
    }
    double rest = motion.totalDistance() - (nextCut - unit);
    if (rest >= 1) {
      splits.add(current.close(rest, altitudeAt(altitude, motion.size() - 1)));
    }
    return splits;
  }

  private static double altitudeAt(double[] altitude, int i) {
    return altitude == null ? Double.NaN : altitude[i];
  }

  private static double interpolate(double[] altitude, int i, double fraction) {
    if (altitude == null) {
      return Double.NaN;
    }
    double a0 = altitude[i - 1];
    double a1 = altitude[i];
    return Double.isNaN(a0) || Double.isNaN(a1) ? a1 : a0 + fraction * (a1 - a0);
  }

  private static final class Accumulator {
    final int number;
    final double startAltitude;
    double elapsed;
    double elapsedEnd;
    double moving;
    double heartRateSeconds;
    double heartRateWeighted;

    Accumulator(int number, double elapsedStart, double startAltitude) {
      this.number = number;
      this.elapsedEnd = elapsedStart;
      this.startAltitude = startAltitude;
    }

    void add(Motion motion, int step, double seconds, double heartRate) {
      elapsed += seconds;
      elapsedEnd += seconds;
      if (motion.moving(step)) {
        moving += seconds;
      }
      if (!Double.isNaN(heartRate) && motion.recording(step)) {
        heartRateSeconds += seconds;
        heartRateWeighted += heartRate * seconds;
      }
    }

    Split close(double meters, double endAltitude) {
      Double change =
          Double.isNaN(startAltitude) || Double.isNaN(endAltitude)
              ? null
              : endAltitude - startAltitude;
      return new Split(
          number,
          meters,
          elapsed,
          moving,
          change,
          heartRateSeconds > 0 ? heartRateWeighted / heartRateSeconds : null,
          moving > 0 ? meters / moving : null);
    }
  }
}
