package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code userId} lifted the block of {@code blockedId}; no follow comes back by itself. */
@EventType(name = "Unblocked", version = 1)
public record Unblocked(UUID userId, UUID blockedId, Instant unblockedAt, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
