package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static io.stride.gamification.scoring.Workouts.withRecord;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstPersonalRecordBadgeTests {

  private final FirstPersonalRecordBadge rule = new FirstPersonalRecordBadge();

  @Test
  void theFirstWorkoutThatSetARecordEarnsIt() {
    var plain = run("2026-06-01T09:00:00Z");
    var record = withRecord(run("2026-06-03T09:00:00Z"));
    var later = withRecord(run("2026-06-05T09:00:00Z"));

    assertThat(rule.earned(Histories.of(plain, later, record)))
        .singleElement()
        .satisfies(badge -> assertThat(badge.workoutId()).isEqualTo(record.workoutId()));
  }

  @Test
  void noRecordNoBadge() {
    assertThat(rule.earned(Histories.of(run("2026-06-01T09:00:00Z")))).isEmpty();
  }
}
