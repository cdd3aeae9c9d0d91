package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The account's password was set anew (by a reset link): every earlier sign-in was ended.
 * notification-service tells the owner (a security notice that cannot be switched off).
 */
@EventType(name = "PasswordChanged", version = 1)
public record PasswordChanged(UUID userId, Instant changedAt) implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
