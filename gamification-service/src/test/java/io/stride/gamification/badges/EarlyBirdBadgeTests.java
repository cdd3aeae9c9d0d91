package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.gamification.scoring.WorkoutFact;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EarlyBirdBadgeTests {

  private final EarlyBirdBadge rule = new EarlyBirdBadge();

  @Test
  void aWorkoutStartedBeforeSevenOnTheAthletesOwnClockEarnsIt() {
    WorkoutFact dawn = run("2026-06-01T05:30:00", "Asia/Tokyo");

    assertThat(rule.earned(Histories.in(ZoneId.of("Asia/Tokyo"), d -> false, dawn))).hasSize(1);
    assertThat(rule.earned(Histories.of(dawn))).as("20:30 in UTC is no early hour").isEmpty();
  }

  @Test
  void sevenOClockAndTheSmallHoursBeforeFourDoNot() {
    assertThat(rule.earned(Histories.of(run("2026-06-01T07:00:00Z"), run("2026-06-02T03:59:00Z"))))
        .isEmpty();
  }
}
