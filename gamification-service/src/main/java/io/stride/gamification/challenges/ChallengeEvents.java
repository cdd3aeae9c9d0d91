package io.stride.gamification.challenges;

import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.contracts.gamification.ChallengeDeleted;
import io.stride.contracts.gamification.ChallengeJoined;
import io.stride.contracts.gamification.ChallengeLeft;
import io.stride.platform.events.EventPublisher;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells {@code stride.gamification.challenges} what became of a challenge and who joined and left
 * it; each method runs in the transaction that made the change.
 */
@Component
class ChallengeEvents {

  private final EventPublisher events;

  ChallengeEvents(EventPublisher events) {
    this.events = events;
  }

  /** The challenge as it now stands, after it was created or changed. */
  void changed(Challenge c, Instant at) {
    events.publish(
        new ChallengeChanged(
            c.id(),
            c.title(),
            c.goal().wireName(),
            c.target(),
            c.sport(),
            c.startsAt(),
            c.endsAt(),
            c.reach().wireName(),
            c.region(),
            c.clubId(),
            c.sponsored(),
            at));
  }

  void deleted(UUID challengeId, Instant at) {
    events.publish(new ChallengeDeleted(challengeId, at));
  }

  void joined(UUID challengeId, UUID athleteId, Instant at) {
    events.publish(new ChallengeJoined(challengeId, athleteId, at));
  }

  void left(UUID challengeId, UUID athleteId, Instant at) {
    events.publish(new ChallengeLeft(challengeId, athleteId, at));
  }
}
