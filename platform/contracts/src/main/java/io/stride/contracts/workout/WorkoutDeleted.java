package io.stride.contracts.workout;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.UUID;

/** The athlete deleted a workout; consumers drop what they derived from it. */
@EventType(name = "WorkoutDeleted", version = 1)
public record WorkoutDeleted(UUID workoutId, UUID userId) implements StrideEvent {

  @Override
  public String subject() {
    return workoutId.toString();
  }
}
