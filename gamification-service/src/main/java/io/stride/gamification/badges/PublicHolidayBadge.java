package io.stride.gamification.badges;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A workout on a public holiday of the athlete's region (its country's calendar and, where it has
 * one, its subdivision's), on the athlete's own clock.
 */
@Component
class PublicHolidayBadge implements BadgeRule {

  @Override
  public String name() {
    return "public_holiday";
  }

  @Override
  public String description() {
    return "A workout on a public holiday of your region";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    return context
        .first(name(), "Holiday workout", w -> context.publicHoliday(w.localDate()))
        .stream()
        .toList();
  }
}
