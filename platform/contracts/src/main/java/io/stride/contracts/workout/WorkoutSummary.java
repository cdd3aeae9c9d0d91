package io.stride.contracts.workout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know about a workout without its streams: sport, time, the totals,
 * and who may see it. Distances in meters, durations in seconds; a value the workout does not have
 * (no heart rate, no elevation) is null, never 0. Carries no coordinates: privacy zones and home
 * locations stay in workout-service.
 *
 * <p>Since version 2 of {@code WorkoutRecorded} and {@code WorkoutUpdated} the summary also carries
 * the facts a plausibility check needs (gamification-service): the fastest speed held for five
 * seconds, the highest heart rate, and how many GPS jumps the track made (a position the sport
 * could not reach that the track then stayed at). Each is null where the workout cannot say (no
 * samples, an older event, a workout entered by hand).
 *
 * <p>Since version 3 it carries what a training-load model needs (analytics-service): the seconds
 * spent in each of the athlete's five heart-rate zones, and the effort the athlete perceived
 * (session RPE, 1–10 on the Borg CR-10 scale). Each is null where there is none.
 *
 * @param maxSpeedMetersPerSecond the fastest 5-second stretch, m/s
 * @param maxHeartRate beats per minute
 * @param gpsJumps positions reached faster than the sport allows that the track stayed at
 * @param heartRateZoneSeconds seconds in zones 1 to 5 (five entries), null without heart rate
 * @param perceivedEffort the athlete's rating of the session, 1 (very light) to 10 (maximal)
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
    List<BestEffort> bestEfforts,
    Double maxSpeedMetersPerSecond,
    Integer maxHeartRate,
    Integer gpsJumps,
    List<Double> heartRateZoneSeconds,
    Integer perceivedEffort) {

  /** A summary as version 2 knew it: without the training-load facts. */
  public WorkoutSummary(
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
      List<BestEffort> bestEfforts,
      Double maxSpeedMetersPerSecond,
      Integer maxHeartRate,
      Integer gpsJumps) {
    this(
        workoutId,
        userId,
        sport,
        title,
        startTime,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters,
        calories,
        averageHeartRate,
        visibility,
        source,
        bestEfforts,
        maxSpeedMetersPerSecond,
        maxHeartRate,
        gpsJumps,
        null,
        null);
  }

  /** A summary as version 1 knew it: without the plausibility facts. */
  public WorkoutSummary(
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
    this(
        workoutId,
        userId,
        sport,
        title,
        startTime,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters,
        calories,
        averageHeartRate,
        visibility,
        source,
        bestEfforts,
        null,
        null,
        null);
  }

  /**
   * The same workout with another visibility ({@code public}, {@code followers}, {@code private}).
   */
  public WorkoutSummary withVisibility(String visibility) {
    return new WorkoutSummary(
        workoutId,
        userId,
        sport,
        title,
        startTime,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters,
        calories,
        averageHeartRate,
        visibility,
        source,
        bestEfforts,
        maxSpeedMetersPerSecond,
        maxHeartRate,
        gpsJumps,
        heartRateZoneSeconds,
        perceivedEffort);
  }

  /** The fastest contiguous stretch of {@code distanceMeters} inside the workout. */
  public record BestEffort(String name, double distanceMeters, double elapsedSeconds) {}
}
