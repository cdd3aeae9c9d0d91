package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;

/**
 * A workout changed (title, notes, sport, visibility, or its metrics were recomputed); carries the
 * summary as it now stands. {@code version} grows with each change, so a consumer can ignore an
 * older state.
 *
 * <p>Version 2: the summary carries {@code maxSpeedMetersPerSecond}, {@code maxHeartRate} and
 * {@code gpsJumps} (null in version 1 events). Version 3: it carries {@code heartRateZoneSeconds}
 * and {@code perceivedEffort} (null before).
 */
@EventType(name = "WorkoutUpdated", version = 3)
public record WorkoutUpdated(WorkoutSummary workout, long version) implements StrideEvent {

  @Override
  public String subject() {
    return workout.workoutId().toString();
  }
}
