package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The athlete reached a challenge's goal for the first time. Sent once per athlete and challenge:
 * progress lost (a workout deleted) and reached again is not announced again (ADR 0029).
 *
 * @param goal {@code distance} (meters), {@code moving_time} (seconds), {@code count} (workouts) or
 *     {@code elevation} (meters climbed)
 * @param target the goal's amount in the goal's unit
 * @param achieved the athlete's amount when the goal was reached, in the same unit
 * @param workoutId the workout that reached the goal
 * @param completedAt the start of that workout (when the athlete did it, not when it was computed)
 * @param campaignId the promo campaign a sponsored challenge names, else null
 */
@EventType(name = "ChallengeCompleted", version = 1)
public record ChallengeCompleted(
    UUID userId,
    UUID challengeId,
    String title,
    String goal,
    long target,
    long achieved,
    UUID workoutId,
    Instant completedAt,
    String campaignId)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
