package io.stride.workout.athletes;

import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the follower table as social-service's graph says: followers-only workouts are seen by
 * exactly the approved followers, and an unfollow, a removal or a block takes that away at once.
 */
@Component
class SocialEventsListener {

  private final Athletes athletes;

  SocialEventsListener(Athletes athletes) {
    this.athletes = athletes;
  }

  @EventHandler
  void on(Followed event) {
    athletes.applyFollow(event.userId(), event.followerId(), event.version(), true);
  }

  @EventHandler
  void on(Unfollowed event) {
    athletes.applyFollow(event.userId(), event.followerId(), event.version(), false);
  }
}
