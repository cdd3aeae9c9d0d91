package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The account's owner should prove the address: notification-service emails the link, which works
 * once until {@code expiresAt}; auth-service keeps only its hash. Sent after registration and when
 * the owner asks for a new link. Published on {@link AuthTopics#ACCOUNT_EMAILS}.
 *
 * @param email the address to prove, where the link goes
 * @param verifyUrl the page that marks the address verified, with the token
 */
@EventType(name = "EmailVerificationRequested", version = 1)
public record EmailVerificationRequested(
    UUID userId, String email, String displayName, String verifyUrl, Instant expiresAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }

  /** Never the address or the link in logs. */
  @Override
  public String toString() {
    return "EmailVerificationRequested[userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
