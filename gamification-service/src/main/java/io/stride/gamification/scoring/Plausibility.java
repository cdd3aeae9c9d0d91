package io.stride.gamification.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a workout is one a human could have done (ADR 0028). An implausible one earns no points
 * and is marked for review with its reasons; a workout entered by hand has nothing measured to
 * check and is plausible (its points have a lower cap instead, see {@link Scorer}).
 */
public final class Plausibility {

  /** The fastest 5-second stretch is beyond the sport's human limit. */
  public static final String SPEED = "speed_beyond_human_limit";

  /** The average speed over the whole workout is beyond the sport's human limit. */
  public static final String AVERAGE_SPEED = "average_speed_beyond_human_limit";

  /** A heart rate no human heart beats at (below 25 or above 230 bpm, average above maximum). */
  public static final String HEART_RATE = "impossible_heart_rate";

  /** The track jumped to a position the sport cannot reach and stayed there. */
  public static final String GPS_TELEPORT = "gps_teleport";

  static final int LOWEST_HEART_RATE = 25;
  static final int HIGHEST_HEART_RATE = 230;
  static final double AVERAGE_CHECKED_FROM_METERS = 1_000;

  private Plausibility() {}

  /** Why the workout is implausible; empty when it is plausible. */
  public static List<String> reasons(WorkoutFact workout) {
    List<String> reasons = new ArrayList<>();
    SportLimits limits = SportLimits.of(workout.sport());
    Double fastest = workout.maxSpeedMetersPerSecond();
    if (fastest != null
        && limits.fastestMetersPerSecond() != null
        && fastest > limits.fastestMetersPerSecond()) {
      reasons.add(SPEED);
    }
    if (limits.fastestAverageMetersPerSecond() != null
        && workout.distanceOrZero() >= AVERAGE_CHECKED_FROM_METERS
        && workout.activeSeconds() > 0
        && workout.distanceOrZero() / workout.activeSeconds()
            > limits.fastestAverageMetersPerSecond()) {
      reasons.add(AVERAGE_SPEED);
    }
    if (impossible(workout.averageHeartRate())
        || impossible(workout.maxHeartRate())
        || (workout.averageHeartRate() != null
            && workout.maxHeartRate() != null
            && workout.averageHeartRate() > workout.maxHeartRate())) {
      reasons.add(HEART_RATE);
    }
    if (workout.gpsJumps() != null && workout.gpsJumps() > 0) {
      reasons.add(GPS_TELEPORT);
    }
    return List.copyOf(reasons);
  }

  private static boolean impossible(Integer heartRate) {
    return heartRate != null && (heartRate < LOWEST_HEART_RATE || heartRate > HIGHEST_HEART_RATE);
  }
}
