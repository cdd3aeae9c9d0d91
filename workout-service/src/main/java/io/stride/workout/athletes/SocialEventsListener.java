package io.stride.workout.athletes;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unblocked;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the follower table as social-service's graph says: followers-only workouts are seen by
 * exactly the approved followers, and an unfollow, a removal or a block takes that away at once;
 * and keeps the blocks, so that neither of a blocked pair sees the other's workouts at all.
 */
@Component
class SocialEventsListener {

  private final Athletes athletes;
  private final BlockedPairs blocks;

  SocialEventsListener(Athletes athletes, BlockedPairs blocks) {
    this.athletes = athletes;
    this.blocks = blocks;
  }

  @EventHandler
  void on(Followed event) {
    athletes.applyFollow(event.userId(), event.followerId(), event.version(), true);
  }

  @EventHandler
  void on(Unfollowed event) {
    athletes.applyFollow(event.userId(), event.followerId(), event.version(), false);
  }

  @EventHandler
  void on(Blocked event) {
    blocks.apply(event);
  }

  @EventHandler
  void on(Unblocked event) {
    blocks.apply(event);
  }
}
