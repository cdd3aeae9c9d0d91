package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The athlete earned a badge for the first time. Sent once per athlete, badge and tier: a badge
 * lost (its workout deleted) and earned again is not announced again (ADR 0028).
 *
 * @param badge the badge's wire name, e.g. {@code distance_running}, {@code early_bird}
 * @param tier the step of a badge with steps (100 for 100 km, 7 for a 7-day streak), else 0
 * @param workoutId the workout that earned it, or null (a streak, a record)
 * @param earnedAt when the athlete did what earned it (the workout's start), not when it was
 *     computed
 */
@EventType(name = "BadgeAwarded", version = 1)
public record BadgeAwarded(
    UUID userId, String badge, int tier, String title, UUID workoutId, Instant earnedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
