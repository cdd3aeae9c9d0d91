package io.stride.gamification.challenges;

import io.stride.gamification.scoring.WorkoutFact;
import java.util.Locale;

/** What a challenge adds up over the workouts that count for it, and in which unit. */
public enum Goal {
  /** Meters covered. */
  DISTANCE("meters"),
  /** Seconds in motion (the elapsed time where nothing measured motion). */
  MOVING_TIME("seconds"),
  /** Workouts done. */
  COUNT("workouts"),
  /** Meters climbed. */
  ELEVATION("meters");

  private final String unit;

  Goal(String unit) {
    this.unit = unit;
  }

  /** The unit of the goal's target and of progress towards it. */
  public String unit() {
    return unit;
  }

  /** What one workout adds. */
  public long amountOf(WorkoutFact workout) {
    return switch (this) {
      case DISTANCE -> Math.round(workout.distanceOrZero());
      case MOVING_TIME -> workout.activeSeconds();
      case COUNT -> 1;
      case ELEVATION ->
          workout.elevationGainMeters() == null
              ? 0
              : Math.round(Math.max(0, workout.elevationGainMeters()));
    };
  }

  /** The name on the wire and in the database: {@code distance}, {@code moving_time}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Goal ofWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
