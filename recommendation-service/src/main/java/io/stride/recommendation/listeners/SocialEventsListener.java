package io.stride.recommendation.listeners;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubLeft;
import io.stride.contracts.social.ClubUpdated;
import io.stride.contracts.social.FollowRequested;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unblocked;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.events.EventHandler;
import io.stride.recommendation.refresh.RefreshQueue;
import io.stride.recommendation.social.SocialCopies;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The graph and the clubs. A follow changes the follower's list and their followers' (their friends
 * of friends); a block both people's; a club's facts the lists of its country's athletes.
 */
@Component
class SocialEventsListener {

  /** How many followers of a follower are made due by one follow (the rest wait for the sweep). */
  static final int FOLLOWERS_TOLD = 1000;

  /** How many members of a club a newcomer makes due (the newcomer is one of them). */
  static final int MEMBERS_TOLD = 1000;

  /** How many athletes of a country a new or changed club makes due. */
  static final int CLUB_AUDIENCE = 5000;

  private final SocialCopies social;
  private final BlockedPairs blocks;
  private final RefreshQueue queue;

  SocialEventsListener(SocialCopies social, BlockedPairs blocks, RefreshQueue queue) {
    this.social = social;
    this.blocks = blocks;
    this.queue = queue;
  }

  @EventHandler
  void on(FollowRequested event) {
    if (social.follow(event.followerId(), event.userId(), false, event.version())) {
      queue.due(event.followerId());
    }
  }

  @EventHandler
  void on(Followed event) {
    followChanged(event.followerId(), event.userId(), true, event.version());
  }

  @EventHandler
  void on(Unfollowed event) {
    followChanged(event.followerId(), event.userId(), false, event.version());
  }

  @EventHandler
  void on(Blocked event) {
    blocks.apply(event);
    queue.due(List.of(event.userId(), event.blockedId()));
  }

  @EventHandler
  void on(Unblocked event) {
    blocks.apply(event);
    queue.due(List.of(event.userId(), event.blockedId()));
  }

  @EventHandler
  void on(ClubUpdated event) {
    if (social.club(event)) {
      queue.due(social.audienceOfClub(event.clubId(), CLUB_AUDIENCE));
    }
  }

  @EventHandler
  void on(ClubJoined event) {
    if (social.joined(event.clubId(), event.athleteId(), event.joinedAt())) {
      List<UUID> due = new ArrayList<>(social.membersOf(event.clubId(), MEMBERS_TOLD));
      due.add(event.athleteId());
      queue.due(due);
    }
  }

  @EventHandler
  void on(ClubLeft event) {
    if (social.left(event.clubId(), event.athleteId(), event.leftAt())) {
      queue.due(event.athleteId());
    }
  }

  private void followChanged(UUID follower, UUID user, boolean active, long version) {
    if (social.follow(follower, user, active, version)) {
      List<UUID> due = new ArrayList<>(social.followersOf(follower, FOLLOWERS_TOLD));
      due.add(follower);
      queue.due(due);
    }
  }
}
