package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An account is gone, at its owner's request. Every service that holds data about the user erases
 * all of it when this arrives, idempotently (docs/adr/0012-account-erasure.md).
 */
@EventType(name = "UserDeleted", version = 1)
public record UserDeleted(UUID userId, Instant deletedAt) implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
