package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/** The challenge was deleted by whoever may; nobody can join it any more. */
@EventType(name = "ChallengeDeleted", version = 1)
public record ChallengeDeleted(UUID challengeId, Instant deletedAt) implements StrideEvent {

  @Override
  public String subject() {
    return challengeId.toString();
  }
}
