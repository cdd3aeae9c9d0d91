package io.stride.gamification.badges;

import java.util.List;
import org.springframework.stereotype.Component;

/** A weekly streak of 4, 12, 26 and 52 weeks. */
@Component
class WeeklyStreakBadge extends StreakMilestoneBadge {

  WeeklyStreakBadge() {
    super("weekly", "week", List.of(4, 12, 26, 52), BadgeContext::weekly);
  }
}
