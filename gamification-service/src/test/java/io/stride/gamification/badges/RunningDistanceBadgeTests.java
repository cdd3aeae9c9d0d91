package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static io.stride.gamification.scoring.Workouts.withDistance;
import static io.stride.gamification.scoring.Workouts.withSport;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.gamification.scoring.WorkoutFact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningDistanceBadgeTests {

  private final RunningDistanceBadge rule = new RunningDistanceBadge();

  @Test
  void theRunThatCarriesTheLifetimeTotalPastAMilestoneEarnsItsTier() {
    List<WorkoutFact> runs = new ArrayList<>();
    for (int day = 1; day <= 11; day++) {
      runs.add(run("2026-06-%02dT07:00:00Z".formatted(day)));
    }

    List<EarnedBadge> earned = rule.earned(Histories.of(runs.toArray(WorkoutFact[]::new)));

    assertThat(earned)
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.badge()).isEqualTo("distance_running");
              assertThat(badge.tier()).isEqualTo(100);
              assertThat(badge.workoutId()).isEqualTo(runs.get(9).workoutId());
              assertThat(badge.title()).isEqualTo("100 km running");
            });
  }

  @Test
  void trailRunsCountRidesDoNot() {
    WorkoutFact trail =
        withDistance(withSport(run("2026-06-01T07:00:00Z"), "trail_run"), 60_000, 30_000);
    WorkoutFact road = withDistance(run("2026-06-03T07:00:00Z"), 42_000, 14_000);
    WorkoutFact ride =
        withDistance(withSport(run("2026-06-02T07:00:00Z"), "ride"), 100_000, 14_400);

    assertThat(rule.earned(Histories.of(trail, ride, road)))
        .extracting(EarnedBadge::workoutId)
        .containsExactly(road.workoutId());
  }

  @Test
  void oneWorkoutCanPassSeveralMilestones() {
    WorkoutFact ultra = withDistance(run("2026-06-01T07:00:00Z"), 520_000, 400_000);

    assertThat(rule.earned(Histories.of(ultra)))
        .extracting(EarnedBadge::tier)
        .containsExactly(100, 500);
  }
}
