package io.stride.analytics.predictions;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A running effort: a workout's best effort ({@code 5k} …) or the whole run ({@code workout}).
 *
 * @param day the athlete's local day of the workout
 */
public record Effort(
    UUID workoutId, String name, LocalDate day, double distanceMeters, double elapsedSeconds) {

  public double vdot() {
    return Vdot.of(distanceMeters, elapsedSeconds);
  }
}
