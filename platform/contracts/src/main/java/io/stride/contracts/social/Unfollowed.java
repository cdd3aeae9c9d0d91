package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code followerId} no longer follows {@code userId}, nor asks to: what followers-only visibility
 * gave is gone. {@code reason}: {@code UNFOLLOWED} (the follower left), {@code REMOVED} (the
 * athlete removed the follower), {@code BLOCKED} (either blocked the other), {@code
 * REQUEST_CANCELLED} or {@code REQUEST_DECLINED} (a request that never became a follow).
 */
@EventType(name = "Unfollowed", version = 1)
public record Unfollowed(
    UUID followerId, UUID userId, String reason, Instant unfollowedAt, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
