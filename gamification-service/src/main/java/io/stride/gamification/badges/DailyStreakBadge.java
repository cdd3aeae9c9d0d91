package io.stride.gamification.badges;

import java.util.List;
import org.springframework.stereotype.Component;

/** A daily streak of 7, 30, 100 and 365 days. */
@Component
class DailyStreakBadge extends StreakMilestoneBadge {

  DailyStreakBadge() {
    super("daily", "day", List.of(7, 30, 100, 365), BadgeContext::daily);
  }
}
