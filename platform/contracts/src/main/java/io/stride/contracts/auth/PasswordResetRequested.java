package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone asked to reset the password of this account: notification-service emails the link. The
 * link is a single-use secret that works until {@code expiresAt} (30 minutes); auth-service keeps
 * only its hash. Published on {@link AuthTopics#ACCOUNT_EMAILS}, the one topic with contact data,
 * which only notification-service reads.
 *
 * @param email where to send it, as the user typed it at registration
 * @param displayName how to greet them
 * @param resetUrl the page that sets a new password, with the token
 */
@EventType(name = "PasswordResetRequested", version = 1)
public record PasswordResetRequested(
    UUID userId, String email, String displayName, String resetUrl, Instant expiresAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }

  /** Never the link in logs. */
  @Override
  public String toString() {
    return "PasswordResetRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
