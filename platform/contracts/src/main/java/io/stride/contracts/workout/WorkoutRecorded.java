package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;

/** A workout now exists: entered by hand, imported from a file, or finished live. */
@EventType(name = "WorkoutRecorded", version = 1)
public record WorkoutRecorded(WorkoutSummary workout) implements StrideEvent {

  @Override
  public String subject() {
    return workout.workoutId().toString();
  }
}
