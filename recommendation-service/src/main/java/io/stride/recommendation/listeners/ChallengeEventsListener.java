package io.stride.recommendation.listeners;

import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.contracts.gamification.ChallengeDeleted;
import io.stride.contracts.gamification.ChallengeJoined;
import io.stride.contracts.gamification.ChallengeLeft;
import io.stride.platform.events.EventHandler;
import io.stride.recommendation.challenges.ChallengeCopies;
import io.stride.recommendation.refresh.RefreshQueue;
import org.springframework.stereotype.Component;

/**
 * Challenges: a new or changed one makes its audience's lists due; a deleted one is hidden on read
 * at once; joining and leaving change the athlete's list.
 */
@Component
class ChallengeEventsListener {

  /** How many athletes one new or changed challenge makes due (the rest wait for the sweep). */
  static final int AUDIENCE = 5000;

  private final ChallengeCopies challenges;
  private final RefreshQueue queue;

  ChallengeEventsListener(ChallengeCopies challenges, RefreshQueue queue) {
    this.challenges = challenges;
    this.queue = queue;
  }

  @EventHandler
  void on(ChallengeChanged event) {
    if (challenges.apply(event)) {
      queue.due(challenges.audience(event.challengeId(), AUDIENCE));
    }
  }

  @EventHandler
  void on(ChallengeDeleted event) {
    challenges.deleted(event.challengeId(), event.deletedAt());
  }

  @EventHandler
  void on(ChallengeJoined event) {
    if (challenges.joined(event.challengeId(), event.athleteId(), event.joinedAt())) {
      queue.due(event.athleteId());
    }
  }

  @EventHandler
  void on(ChallengeLeft event) {
    if (challenges.left(event.challengeId(), event.athleteId(), event.leftAt())) {
      queue.due(event.athleteId());
    }
  }
}
