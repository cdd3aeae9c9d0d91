package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An owner gave the member {@code athleteId} of {@code clubId} another role: {@code OWNER}, {@code
 * ADMIN} (manages members, creates the club's challenges) or {@code MEMBER}. The membership stays;
 * its start is still the {@code ClubJoined} one.
 */
@EventType(name = "ClubRoleChanged", version = 1)
public record ClubRoleChanged(UUID clubId, UUID athleteId, String role, Instant changedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return clubId.toString();
  }
}
