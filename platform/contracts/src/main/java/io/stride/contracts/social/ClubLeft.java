package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code athleteId} is no longer a member of {@code clubId}; {@code reason}: {@code LEFT} or {@code
 * REMOVED} (by an admin). An erased account's memberships end without this event: every consumer
 * gets {@code UserDeleted} itself.
 */
@EventType(name = "ClubLeft", version = 1)
public record ClubLeft(UUID clubId, UUID athleteId, String reason, Instant leftAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return clubId.toString();
  }
}
