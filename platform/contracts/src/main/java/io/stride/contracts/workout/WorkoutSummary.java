package io.stride.contracts.workout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know about a workout without its streams: sport, time, the totals,
 * and who may see it. Distances in meters, durations in seconds; a value the workout does not have
 * (no heart rate, no elevation) is null, never 0. Carries no coordinates: privacy zones and home
 * locations stay in workout-service.
 */
public record WorkoutSummary(
    UUID workoutId,
    UUID userId,
    String sport,
    String title,
    Instant startTime,
    long elapsedSeconds,
    Long movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Integer calories,
    Integer averageHeartRate,
    String visibility,
    String source,
    List<BestEffort> bestEfforts) {

  /** The fastest contiguous stretch of {@code distanceMeters} inside the workout. */
  public record BestEffort(String name, double distanceMeters, double elapsedSeconds) {}
}
