package io.stride.contracts.social;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code followerId} now follows {@code userId}: at once for a public account, or once {@code
 * userId} approved the request ({@code approved} true). Followers-only workouts of {@code userId}
 * become visible to {@code followerId}.
 */
@EventType(name = "Followed", version = 1)
public record Followed(
    UUID followerId, UUID userId, boolean approved, Instant followedAt, long version)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
