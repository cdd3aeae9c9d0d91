package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code athleteId} is now a member of {@code clubId} with {@code role}: created it (OWNER), joined
 * a public club or was approved (MEMBER).
 */
@EventType(name = "ClubJoined", version = 1)
public record ClubJoined(UUID clubId, UUID athleteId, String role, Instant joinedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return clubId.toString();
  }
}
