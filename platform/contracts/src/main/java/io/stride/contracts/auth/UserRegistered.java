package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A new account exists. Carries no email or credential: services that need to reach the user ask
 * notification-service, which keeps contact data.
 */
@EventType(name = "UserRegistered", version = 1)
public record UserRegistered(UUID userId, String displayName, Instant registeredAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
