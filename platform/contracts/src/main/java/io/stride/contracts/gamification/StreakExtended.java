package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The athlete's latest streak grew: a day (or week) with a workout joined it, in the athlete's own
 * time zone. A late upload that fills a gap and joins two streaks extends it too.
 *
 * @param kind {@code daily} or {@code weekly}
 * @param length active days (or weeks) in the streak now
 * @param lastDay the latest local day of the streak (for weekly: the first day of its week)
 * @param freezeTokens freeze tokens the athlete holds now
 */
@EventType(name = "StreakExtended", version = 1)
public record StreakExtended(
    UUID userId, String kind, int length, LocalDate lastDay, int freezeTokens)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
