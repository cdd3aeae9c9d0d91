package io.stride.gamification.listeners;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubLeft;
import io.stride.contracts.social.ClubRoleChanged;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unblocked;
import io.stride.contracts.social.Unfollowed;
import io.stride.gamification.social.SocialCopies;
import io.stride.gamification.standing.Progress;
import io.stride.platform.blocks.BlockedPairs;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Who sees whom on boards (follows, blocks: read when a board is read) and club memberships (a
 * member is on the club's weekly boards, so joining or leaving folds the athlete's places again).
 */
@Component
class SocialEventsListener {

  private final SocialCopies social;
  private final BlockedPairs blocks;
  private final Progress progress;

  SocialEventsListener(SocialCopies social, BlockedPairs blocks, Progress progress) {
    this.social = social;
    this.blocks = blocks;
    this.progress = progress;
  }

  @EventHandler
  void on(Followed event) {
    social.follow(event.followerId(), event.userId(), true, event.version());
  }

  @EventHandler
  void on(Unfollowed event) {
    social.follow(event.followerId(), event.userId(), false, event.version());
  }

  @EventHandler
  void on(Blocked event) {
    blocks.apply(event);
  }

  @EventHandler
  void on(Unblocked event) {
    blocks.apply(event);
  }

  @EventHandler
  void on(ClubJoined event) {
    progress.lock(event.athleteId());
    if (social.member(event.clubId(), event.athleteId(), event.role())) {
      progress.recompute(event.athleteId());
    }
  }

  @EventHandler
  void on(ClubRoleChanged event) {
    social.roleChanged(event.clubId(), event.athleteId(), event.role());
  }

  @EventHandler
  void on(ClubLeft event) {
    progress.lock(event.athleteId());
    if (social.left(event.clubId(), event.athleteId())) {
      progress.recompute(event.athleteId());
    }
  }
}
