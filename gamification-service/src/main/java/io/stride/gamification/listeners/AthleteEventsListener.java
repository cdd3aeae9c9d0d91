package io.stride.gamification.listeners;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.gamification.athletes.Athletes;
import io.stride.gamification.erasure.GamificationErasure;
import io.stride.gamification.standing.Progress;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Profiles and erasures: a move to another zone or region folds the standing again (local days,
 * holidays and weeks change with it); a deleted account is erased.
 */
@Component
class AthleteEventsListener {

  private final Athletes athletes;
  private final Progress progress;
  private final GamificationErasure erasure;

  AthleteEventsListener(Athletes athletes, Progress progress, GamificationErasure erasure) {
    this.athletes = athletes;
    this.progress = progress;
    this.erasure = erasure;
  }

  @EventHandler
  void on(ProfileUpdated event) {
    progress.lock(event.userId());
    if (athletes.apply(event)) {
      progress.recompute(event.userId());
    }
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
