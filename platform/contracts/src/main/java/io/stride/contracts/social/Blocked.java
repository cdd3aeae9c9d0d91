package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code userId} blocked {@code blockedId}: every service that shows people to people hides each
 * from the other, both ways. Any follow between them ended with its own {@code Unfollowed}.
 */
@EventType(name = "Blocked", version = 1)
public record Blocked(UUID userId, UUID blockedId, Instant blockedAt, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
