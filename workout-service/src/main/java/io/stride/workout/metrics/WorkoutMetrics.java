package io.stride.workout.metrics;

import io.stride.workout.metrics.Track.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Computes {@link ActivityMetrics} from a {@link Track}: the entry point of this package. Each
 * figure's algorithm lives in its own class and is described in docs/metrics.md.
 */
public final class WorkoutMetrics {

  /**
   * Bumped whenever a figure is computed differently; imported workouts of an older version are
   * recomputed from their originals ({@code MetricsUpgrade}). 1: before issue #21; 2: its fixes; 3:
   * TCX device totals from the laps' extension, Polar's km/h maximum speed.
   */
  public static final int VERSION = 3;

  /** Maximum speed is the fastest stretch of at least this long, not one noisy GPS step. */
  static final double MAX_SPEED_WINDOW_SECONDS = 5;

  private WorkoutMetrics() {}

  public static ActivityMetrics compute(Track track, Sport sport, Athlete athlete) {
    Motion motion = Motion.of(track, sport);
    double moving = motion.movingSeconds();
    Double distance = motion.hasDistance() ? motion.totalDistance() : null;
    double[] altitude = Elevation.smoothed(track);
    Elevation.Result elevation = Elevation.of(track, altitude);
    double[] heartRate = track.has(Channel.HEART_RATE) ? track.channel(Channel.HEART_RATE) : null;
    Average hr = Average.of(motion, track.channel(Channel.HEART_RATE), false);
    Average cadence = Average.of(motion, track.channel(Channel.CADENCE), false);
    Average power = Average.of(motion, track.channel(Channel.POWER), true);
    Average temperature = Average.of(motion, track.channel(Channel.TEMPERATURE), true);
    Double work =
        power == null ? null : power.mean() * power.seconds() / 1000; // kJ over recorded time
    HeartRateZones.Result zones = HeartRateZones.of(motion, heartRate, athlete);
    return new ActivityMetrics(
        motion.elapsedSeconds(),
        moving,
        distance,
        elevation == null ? null : elevation.gain(),
        elevation == null ? null : elevation.loss(),
        elevation == null ? null : elevation.min(),
        elevation == null ? null : elevation.max(),
        distance != null && moving > 0 ? distance / moving : null,
        maxSpeed(track, motion),
        hr == null ? null : hr.mean(),
        hr == null ? null : hr.max(),
        cadence == null ? null : cadence.mean(),
        cadence == null ? null : cadence.max(),
        power == null ? null : power.mean(),
        power == null ? null : power.max(),
        temperature == null ? null : temperature.mean(),
        Calories.estimate(sport, athlete, moving, distance == null ? 0 : distance, work),
        splits(motion, Splits.KILOMETRE, altitude, heartRate),
        splits(motion, Splits.MILE, altitude, heartRate),
        BestEfforts.of(motion, sport).stream()
            .map(
                e ->
                    new ActivityMetrics.BestEffortEntry(
                        e.name(), e.meters(), e.seconds(), e.startSecond()))
            .toList(),
        zones == null
            ? null
            : new ActivityMetrics.HeartRateZoneEntry(
                Arrays.stream(zones.lowerBounds()).boxed().toList(),
                Arrays.stream(zones.seconds()).boxed().toList()),
        GradeAdjustedPace.speed(motion, altitude, sport),
        Segments.of(track, motion, altitude),
        Segments.pauses(motion),
        motion.gpsJumps());
  }

  /**
   * Per-point series derived from the track for charts: seconds since the start, the cumulative
   * distance the metrics used (null without any), and speed over the step ending at each point
   * (null without distance).
   */
  public record Series(double[] seconds, double[] distance, double[] speed) {}

  public static Series series(Track track, Sport sport) {
    Motion motion = Motion.of(track, sport);
    int n = track.size();
    double[] seconds = new double[n];
    double[] distance = motion.hasDistance() ? new double[n] : null;
    double[] speed = motion.hasDistance() ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      seconds[i] = motion.seconds(i);
      if (distance != null) {
        distance[i] = motion.distance(i);
        speed[i] =
            i > 0 && motion.recording(i) && motion.stepSeconds(i) > 0
                ? (motion.distance(i) - motion.distance(i - 1)) / motion.stepSeconds(i)
                : 0;
      }
    }
    return new Series(seconds, distance, speed);
  }

  private static List<ActivityMetrics.SplitEntry> splits(
      Motion motion, double unit, double[] altitude, double[] heartRate) {
    return Splits.of(motion, unit, altitude, heartRate).stream()
        .map(
            s ->
                new ActivityMetrics.SplitEntry(
                    s.number(),
                    s.meters(),
                    s.elapsedSeconds(),
                    s.movingSeconds(),
                    s.elevationChange(),
                    s.averageHeartRate(),
                    s.averageSpeed()))
        .toList();
  }

  /**
   * The fastest stretch of at least five seconds while recording. Covered distance comes from the
   * device's speed channel when it recorded one (wheel or foot sensor, or its own filtered GPS:
   * what the device shows as max speed), otherwise from {@link Motion}'s distance, GPS spikes left
   * out.
   */
  private static Double maxSpeed(Track track, Motion motion) {
    if (!motion.hasDistance() && !track.has(Channel.SPEED)) {
      return null;
    }
    IntToDoubleFunction covered = covered(track, motion);
    double best = 0;
    int start = 0;
    for (int end = 1; end < motion.size(); end++) {
      if (!motion.recording(end)) {
        start = end;
        continue;
      }
      while (start + 1 < end
          && motion.seconds(end) - motion.seconds(start + 1) >= MAX_SPEED_WINDOW_SECONDS) {
        start++;
      }
      double seconds = motion.seconds(end) - motion.seconds(start);
      if (seconds >= MAX_SPEED_WINDOW_SECONDS) {
        best =
            Math.max(best, (covered.applyAsDouble(end) - covered.applyAsDouble(start)) / seconds);
      }
    }
    return best > 0 ? best : null;
  }

  /**
   * Metres covered up to each point: the speed channel integrated over the steps (each step at the
   * speed recorded at its end; a step without one at its distance's pace), or Motion's distance.
   */
  private static IntToDoubleFunction covered(Track track, Motion motion) {
    if (!track.has(Channel.SPEED)) {
      return motion::distance;
    }
    double[] covered = new double[motion.size()];
    double[] speed = track.channel(Channel.SPEED);
    for (int i = 1; i < covered.length; i++) {
      double step;
      if (!motion.recording(i)) {
        step = 0;
      } else if (!Double.isNaN(speed[i])) {
        step = speed[i] * motion.stepSeconds(i);
      } else {
        step = motion.distance(i) - motion.distance(i - 1);
      }
      covered[i] = covered[i - 1] + step;
    }
    return i -> covered[i];
  }

  /**
   * Time-weighted mean (each value holds until the next point, pauses excluded) and maximum of a
   * channel; zeros are left out unless {@code countZeros} (heart rate: 0 is a lost strap; cadence:
   * coasting is not a cadence; power: coasting is zero watts).
   */
  record Average(double mean, double max, double seconds) {

    static Average of(Motion motion, double[] values, boolean countZeros) {
      double weighted = 0;
      double seconds = 0;
      double max = Double.NaN;
      for (int i = 0; i < motion.size(); i++) {
        double v = values[i];
        if (Double.isNaN(v) || (!countZeros && v == 0)) {
          continue;
        }
        max = Double.isNaN(max) ? v : Math.max(max, v);
        if (i + 1 < motion.size() && motion.recording(i + 1)) {
          weighted += v * motion.stepSeconds(i + 1);
          seconds += motion.stepSeconds(i + 1);
        }
      }
      if (Double.isNaN(max)) {
        return null;
      }
      return seconds > 0 ? new Average(weighted / seconds, max, seconds) : new Average(max, max, 0);
    }
  }
}
