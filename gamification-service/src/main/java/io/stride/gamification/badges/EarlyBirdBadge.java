package io.stride.gamification.badges;

import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** A workout started between 04:00 and 07:00 on the athlete's own clock. */
@Component
class EarlyBirdBadge implements BadgeRule {

  static final LocalTime FROM = LocalTime.of(4, 0);
  static final LocalTime UNTIL = LocalTime.of(7, 0);

  @Override
  public String name() {
    return "early_bird";
  }

  @Override
  public String description() {
    return "A workout started between 04:00 and 07:00, your time";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    return context
        .first(
            name(),
            "Early bird",
            w -> {
              LocalTime t = w.localStart().toLocalTime();
              return !t.isBefore(FROM) && t.isBefore(UNTIL);
            })
        .stream()
        .toList();
  }
}
