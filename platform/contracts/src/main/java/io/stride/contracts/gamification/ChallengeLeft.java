package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code athleteId} left {@code challengeId}. An erased account's participations end without this
 * event: every consumer gets {@code UserDeleted} itself.
 */
@EventType(name = "ChallengeLeft", version = 1)
public record ChallengeLeft(UUID challengeId, UUID athleteId, Instant leftAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return challengeId.toString();
  }
}
