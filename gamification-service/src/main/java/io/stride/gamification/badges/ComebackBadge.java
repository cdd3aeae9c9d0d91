package io.stride.gamification.badges;

import io.stride.gamification.scoring.ScoredWorkout;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A workout after at least {@link #IDLE_DAYS} days without one (days on the athlete's own clock,
 * not counting the two workout days).
 */
@Component
class ComebackBadge implements BadgeRule {

  static final int IDLE_DAYS = 30;

  @Override
  public String name() {
    return "comeback";
  }

  @Override
  public String description() {
    return "Back after " + IDLE_DAYS + " days or more without a workout";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    LocalDate previous = null;
    for (ScoredWorkout w : context.counted()) {
      if (previous != null && ChronoUnit.DAYS.between(previous, w.localDate()) - 1 >= IDLE_DAYS) {
        return List.of(BadgeContext.earnedBy(name(), 0, "Comeback", w));
      }
      previous = w.localDate();
    }
    return List.of();
  }
}
