package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static io.stride.gamification.scoring.Workouts.withGpsJumps;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.gamification.scoring.WorkoutFact;
import org.junit.jupiter.api.Test;

class FirstWorkoutBadgeTests {

  private final FirstWorkoutBadge rule = new FirstWorkoutBadge();

  @Test
  void theFirstCountedWorkoutEarnsItAtItsStart() {
    WorkoutFact first = run("2026-06-01T07:00:00Z");
    WorkoutFact second = run("2026-06-02T07:00:00Z");

    assertThat(rule.earned(Histories.of(second, first)))
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.workoutId()).isEqualTo(first.workoutId());
              assertThat(badge.earnedAt()).isEqualTo(first.startTime());
              assertThat(badge.tier()).isZero();
            });
  }

  @Test
  void aWorkoutUnderReviewDoesNotEarnIt() {
    assertThat(rule.earned(Histories.of(withGpsJumps(run("2026-06-01T07:00:00Z"), 3)))).isEmpty();
  }
}
