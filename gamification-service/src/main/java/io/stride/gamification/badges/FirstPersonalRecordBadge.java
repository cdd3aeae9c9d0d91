package io.stride.gamification.badges;

import java.util.List;
import org.springframework.stereotype.Component;

/** The first counted workout that set a personal record (workout-service's PersonalRecordSet). */
@Component
class FirstPersonalRecordBadge implements BadgeRule {

  @Override
  public String name() {
    return "first_personal_record";
  }

  @Override
  public String description() {
    return "Your first personal record";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    return context
        .first(name(), "First personal record", w -> w.workout().personalRecord())
        .stream()
        .toList();
  }
}
