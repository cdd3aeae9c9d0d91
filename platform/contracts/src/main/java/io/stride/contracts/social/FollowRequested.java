package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code followerId} asked to follow {@code userId}, whose account is private; it waits for {@code
 * userId} to approve or decline it. Not yet a follow.
 */
@EventType(name = "FollowRequested", version = 1)
public record FollowRequested(UUID followerId, UUID userId, Instant requestedAt, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
