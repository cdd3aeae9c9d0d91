package io.stride.workout.workouts;

import io.stride.workout.metrics.Sport;
import java.time.Instant;
import java.time.ZoneId;

/** Default titles, as athletes know them from other apps: "Morning Run", "Evening Ride". */
final class WorkoutTitles {

  private WorkoutTitles() {}

  static String of(Sport sport, Instant start, ZoneId zone) {
    int hour = start.atZone(zone).getHour();
    String part =
        hour >= 5 && hour < 12
            ? "Morning"
            : hour >= 12 && hour < 18 ? "Afternoon" : hour >= 18 && hour < 22 ? "Evening" : "Night";
    return part + " " + name(sport);
  }

  private static String name(Sport sport) {
    return switch (sport) {
      case RUN -> "Run";
      case TRAIL_RUN -> "Trail Run";
      case WALK -> "Walk";
      case HIKE -> "Hike";
      case RIDE -> "Ride";
      case MOUNTAIN_BIKE -> "Mountain Bike Ride";
      case INDOOR_RIDE -> "Indoor Ride";
      case SWIM -> "Swim";
      case ROWING -> "Row";
      case STRENGTH -> "Strength Training";
      case YOGA -> "Yoga";
      case OTHER -> "Workout";
    };
  }
}
