package io.stride.gamification.scoring;

import java.time.Instant;
import java.util.UUID;

/**
 * What the rules know of one workout: workout-service's summary of it, as the copy holds it.
 * Distances in meters, times in seconds, speeds in m/s; null where the workout cannot say.
 *
 * @param source {@code manual}, {@code file} or {@code live}
 * @param personalRecord whether workout-service announced a personal record set by it
 */
public record WorkoutFact(
    UUID workoutId,
    String sport,
    Instant startTime,
    long elapsedSeconds,
    Long movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Integer averageHeartRate,
    Integer maxHeartRate,
    Double maxSpeedMetersPerSecond,
    Integer gpsJumps,
    String visibility,
    String source,
    boolean personalRecord) {

  /** Entered by hand: nothing measured it. */
  public boolean manual() {
    return "manual".equals(source);
  }

  /** Moving time where known, else the elapsed time. */
  public long activeSeconds() {
    return movingSeconds != null ? movingSeconds : elapsedSeconds;
  }

  public double distanceOrZero() {
    return distanceMeters == null ? 0 : distanceMeters;
  }
}
