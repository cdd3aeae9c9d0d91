package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code athleteId} joined {@code challengeId} (joining again after leaving sends it again). */
@EventType(name = "ChallengeJoined", version = 1)
public record ChallengeJoined(UUID challengeId, UUID athleteId, Instant joinedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return challengeId.toString();
  }
}
