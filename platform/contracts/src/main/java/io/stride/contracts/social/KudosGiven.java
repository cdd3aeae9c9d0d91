package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code giverId} gave kudos to {@code ownerId}'s workout; once per person and workout. */
@EventType(name = "KudosGiven", version = 1)
public record KudosGiven(UUID workoutId, UUID ownerId, UUID giverId, Instant givenAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return workoutId.toString();
  }
}
