package io.stride.workout.importing;

import io.stride.workout.activity.ParsedActivity;
import io.stride.workout.importing.formats.UnreadableFileException;
import io.stride.workout.metrics.ActivityMetrics;
import io.stride.workout.metrics.Athlete;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.WorkoutMetrics;
import java.util.List;

/**
 * Metrics of an imported activity: computed from its samples, or, for a file that carries only the
 * device's totals (a TCX of laps without track points, a FIT with a session but no records), taken
 * from those totals.
 */
final class ImportedMetrics {

  private ImportedMetrics() {}

  static ActivityMetrics of(ParsedActivity parsed, Sport sport, Athlete athlete) {
    if (parsed.track().size() >= 2) {
      return WorkoutMetrics.compute(parsed.track(), sport, athlete);
    }
    ParsedActivity.DeviceTotals totals = parsed.deviceTotals();
    Double elapsed =
        totals.elapsedSeconds() != null ? totals.elapsedSeconds() : totals.timerSeconds();
    if (elapsed == null || elapsed <= 0) {
      throw new UnreadableFileException(
          "The file has fewer than two timed points and no totals: there is nothing to record.");
    }
    double moving = totals.timerSeconds() != null ? totals.timerSeconds() : elapsed;
    return new ActivityMetrics(
        elapsed,
        Math.min(moving, elapsed),
        totals.distanceMeters(),
        totals.ascentMeters(),
        totals.descentMeters(),
        totals.minAltitude(),
        totals.maxAltitude(),
        totals.distanceMeters() != null && moving > 0 ? totals.distanceMeters() / moving : null,
        totals.maxSpeed(),
        decimal(totals.averageHeartRate()),
        decimal(totals.maxHeartRate()),
        decimal(totals.averageCadence()),
        decimal(totals.maxCadence()),
        decimal(totals.averagePower()),
        decimal(totals.maxPower()),
        null,
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        List.of(),
        List.of(),
        null);
  }

  private static Double decimal(Integer value) {
    return value == null ? null : value.doubleValue();
  }
}
