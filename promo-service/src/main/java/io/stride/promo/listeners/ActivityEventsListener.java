package io.stride.promo.listeners;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.ChallengeCompleted;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import io.stride.promo.athletes.AthleteCopies;
import io.stride.promo.campaigns.Trigger;
import io.stride.promo.triggers.TriggeredRewards;
import org.springframework.stereotype.Component;

/**
 * What athletes do: workouts and their sports, levels, streaks, challenges and badges go into the
 * athlete copy the rules read; the first workout, a daily streak and a sponsored challenge fire the
 * campaigns they trigger (after the copy has the fact, so the rules see it).
 */
@Component
class ActivityEventsListener {

  private final AthleteCopies athletes;
  private final TriggeredRewards triggers;
  private final PlatformErasure erased;

  ActivityEventsListener(
      AthleteCopies athletes, TriggeredRewards triggers, PlatformErasure erased) {
    this.athletes = athletes;
    this.triggers = triggers;
    this.erased = erased;
  }

  @EventHandler
  void on(WorkoutRecorded event) {
    WorkoutSummary workout = event.workout();
    if (erased.isErased(workout.userId())) {
      return;
    }
    if (athletes.workoutRecorded(workout.userId(), workout.sport()) == 1) {
      triggers.fired(Trigger.FIRST_WORKOUT, workout.userId(), campaign -> true);
    }
  }

  @EventHandler
  void on(LevelReached event) {
    if (!erased.isErased(event.userId())) {
      athletes.level(event.userId(), event.level());
    }
  }

  @EventHandler
  void on(StreakExtended event) {
    if (erased.isErased(event.userId()) || !"daily".equals(event.kind())) {
      return;
    }
    athletes.dailyStreak(event.userId(), event.length());
    triggers.fired(Trigger.DAILY_STREAK, event.userId(), TriggeredRewards.streakOf(event.length()));
  }

  @EventHandler
  void on(ChallengeCompleted event) {
    if (erased.isErased(event.userId())) {
      return;
    }
    athletes.challengeCompleted(event.userId(), event.challengeId());
    if (event.campaignId() != null) {
      triggers.fired(
          Trigger.SPONSORED_CHALLENGE,
          event.userId(),
          TriggeredRewards.sponsoredBy(event.campaignId()));
    }
  }

  @EventHandler
  void on(BadgeAwarded event) {
    if (!erased.isErased(event.userId())) {
      athletes.badgeEarned(event.userId(), event.badge());
    }
  }
}
