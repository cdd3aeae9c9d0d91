package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeekendWarriorBadgeTests {

  private final WeekendWarriorBadge rule = new WeekendWarriorBadge();

  @Test
  void aSaturdayAndTheSundayAfterItEarnItOnSunday() {
    var saturday = run("2026-06-06T09:00:00Z");
    var sunday = run("2026-06-07T09:00:00Z");

    assertThat(rule.earned(Histories.of(saturday, sunday)))
        .singleElement()
        .satisfies(badge -> assertThat(badge.workoutId()).isEqualTo(sunday.workoutId()));
  }

  @Test
  void aSundayAndTheSaturdayAfterItAreTwoWeekends() {
    assertThat(rule.earned(Histories.of(run("2026-06-07T09:00:00Z"), run("2026-06-13T09:00:00Z"))))
        .isEmpty();
  }
}
