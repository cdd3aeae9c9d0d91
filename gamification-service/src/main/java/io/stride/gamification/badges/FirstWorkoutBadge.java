package io.stride.gamification.badges;

import java.util.List;
import org.springframework.stereotype.Component;

/** The first counted workout. */
@Component
class FirstWorkoutBadge implements BadgeRule {

  @Override
  public String name() {
    return "first_workout";
  }

  @Override
  public String description() {
    return "Your first workout";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    return context.first(name(), "First workout", w -> true).stream().toList();
  }
}
