package io.stride.contracts.gamification;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.util.UUID;

/**
 * The athlete's points reached a level higher than any they held before. Sent once per athlete and
 * level: falling back (a workout deleted) and climbing again is not announced again.
 *
 * @param level the level now held, from 2 (everyone starts at 1)
 * @param points the athlete's points now
 * @param nextLevelPoints the points the next level needs, or null at the highest level
 */
@EventType(name = "LevelReached", version = 1)
public record LevelReached(UUID userId, int level, long points, Long nextLevelPoints)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
