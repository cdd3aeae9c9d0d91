package io.stride.gamification.badges;

import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** A workout started between 21:00 and 04:00 on the athlete's own clock. */
@Component
class NightOwlBadge implements BadgeRule {

  static final LocalTime FROM = LocalTime.of(21, 0);
  static final LocalTime UNTIL = LocalTime.of(4, 0);

  @Override
  public String name() {
    return "night_owl";
  }

  @Override
  public String description() {
    return "A workout started between 21:00 and 04:00, your time";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    return context
        .first(
            name(),
            "Night owl",
            w -> {
              LocalTime t = w.localStart().toLocalTime();
              return !t.isBefore(FROM) || t.isBefore(UNTIL);
            })
        .stream()
        .toList();
  }
}
