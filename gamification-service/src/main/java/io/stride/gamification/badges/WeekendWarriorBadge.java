package io.stride.gamification.badges;

import io.stride.gamification.scoring.ScoredWorkout;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Workouts on both days of one weekend, Saturday and the Sunday after it, on the athlete's own
 * clock; earned by the first workout of the second day.
 */
@Component
class WeekendWarriorBadge implements BadgeRule {

  @Override
  public String name() {
    return "weekend_warrior";
  }

  @Override
  public String description() {
    return "Workouts on a Saturday and the Sunday after it";
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    Set<LocalDate> saturdays = new HashSet<>();
    for (ScoredWorkout w : context.counted()) {
      LocalDate day = w.localDate();
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
        saturdays.add(day);
      }
    }
    return context
        .first(
            name(),
            "Weekend warrior",
            w ->
                w.localDate().getDayOfWeek() == DayOfWeek.SUNDAY
                    && saturdays.contains(w.localDate().minusDays(1)))
        .stream()
        .toList();
  }
}
