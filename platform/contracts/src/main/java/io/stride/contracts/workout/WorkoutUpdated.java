package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;

/**
 * A workout changed (title, notes, sport, visibility, or its metrics were recomputed); carries the
 * summary as it now stands. {@code version} grows with each change, so a consumer can ignore an
 * older state.
 */
@EventType(name = "WorkoutUpdated", version = 1)
public record WorkoutUpdated(WorkoutSummary workout, long version) implements StrideEvent {

  @Override
  public String subject() {
    return workout.workoutId().toString();
  }
}
