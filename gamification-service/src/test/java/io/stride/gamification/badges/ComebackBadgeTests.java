package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComebackBadgeTests {

  private final ComebackBadge rule = new ComebackBadge();

  @Test
  void aWorkoutAfterThirtyIdleDaysEarnsIt() {
    var before = run("2026-06-01T09:00:00Z");
    var back = run("2026-07-02T09:00:00Z"); // 2 June to 1 July idle: 30 days

    assertThat(rule.earned(Histories.of(before, back)))
        .singleElement()
        .satisfies(badge -> assertThat(badge.workoutId()).isEqualTo(back.workoutId()));
  }

  @Test
  void twentyNineIdleDaysAreNotEnoughAndAFirstWorkoutIsNoComeback() {
    assertThat(rule.earned(Histories.of(run("2026-06-01T09:00:00Z"), run("2026-07-01T09:00:00Z"))))
        .isEmpty();
    assertThat(rule.earned(Histories.of(run("2026-06-01T09:00:00Z")))).isEmpty();
  }
}
