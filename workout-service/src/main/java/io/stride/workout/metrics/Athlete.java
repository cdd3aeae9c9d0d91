package io.stride.workout.metrics;

/**
 * What metrics need to know about the athlete; any field may be null (unknown). Ages come from the
 * birth date at the time of the activity.
 */
public record Athlete(
    Double weightKg, Integer maxHeartRate, Integer restingHeartRate, Integer age) {

  public static final Athlete UNKNOWN = new Athlete(null, null, null, null);

  /** Weight used for calorie estimates when the profile has none. */
  static final double DEFAULT_WEIGHT_KG = 70;
}
