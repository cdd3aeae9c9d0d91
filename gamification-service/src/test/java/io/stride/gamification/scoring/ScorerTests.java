package io.stride.gamification.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTests {

  private static final ZoneId UTC = ZoneId.of("UTC");

  @Test
  void aRunEarnsAPointAMinuteTwoAKilometerAndThreePerHundredMetersClimbed() {
    WorkoutFact run = Workouts.run("2026-06-01T07:00:00Z");

    assertThat(Scorer.basePoints(run)).isEqualTo(50 + 20 + 3);
  }

  @Test
  void theTableDiffersBySportAndAnUnknownSportEarnsHalfAPointAMinute() {
    WorkoutFact ride = Workouts.withSport(Workouts.run("2026-06-01T07:00:00Z"), "ride");
    WorkoutFact padel = Workouts.withSport(Workouts.run("2026-06-01T07:00:00Z"), "padel");

    assertThat(Scorer.basePoints(ride)).isEqualTo(30 + 4 + 2);
    assertThat(Scorer.basePoints(padel)).isEqualTo(25);
  }

  @Test
  void aDayEarnsAtMostTheDailyCapFilledInTheOrderTheWorkoutsStarted() {
    List<WorkoutFact> day =
        List.of(
            Workouts.withDistance(Workouts.run("2026-06-01T06:00:00Z"), 20_000, 7200),
            Workouts.withDistance(Workouts.run("2026-06-01T12:00:00Z"), 20_000, 7200),
            Workouts.run("2026-06-01T18:00:00Z"),
            Workouts.run("2026-06-02T07:00:00Z"));

    List<ScoredWorkout> scored = Scorer.score(day, UTC);

    assertThat(scored).extracting(ScoredWorkout::basePoints).containsExactly(163, 163, 73, 73);
    assertThat(scored).extracting(ScoredWorkout::points).containsExactly(163, 137, 0, 73);
    assertThat(
            scored.stream()
                .filter(s -> s.localDate().getDayOfMonth() == 1)
                .mapToInt(ScoredWorkout::points)
                .sum())
        .isEqualTo(Scorer.DAILY_CAP);
  }

  @Test
  void workoutsEnteredByHandCountWithTheirOwnLowerDailyCap() {
    WorkoutFact byHand = Workouts.manual(Workouts.run("2026-06-01T07:00:00Z"));
    WorkoutFact another = Workouts.manual(Workouts.run("2026-06-01T17:00:00Z"));
    WorkoutFact recorded = Workouts.run("2026-06-01T19:00:00Z");

    List<ScoredWorkout> scored = Scorer.score(List.of(byHand, another, recorded), UTC);

    assertThat(scored).extracting(ScoredWorkout::points).containsExactly(50, 0, 73);
    assertThat(scored).allMatch(ScoredWorkout::counted);
  }

  @Test
  void anImplausibleWorkoutEarnsNothingIsMarkedForReviewAndLeavesTheDaysCapToOthers() {
    WorkoutFact teleported = Workouts.withGpsJumps(Workouts.run("2026-06-01T07:00:00Z"), 2);
    WorkoutFact honest = Workouts.run("2026-06-01T09:00:00Z");

    List<ScoredWorkout> scored = Scorer.score(List.of(teleported, honest), UTC);

    assertThat(scored.get(0).points()).isZero();
    assertThat(scored.get(0).counted()).isFalse();
    assertThat(scored.get(0).reasons()).containsExactly(Plausibility.GPS_TELEPORT);
    assertThat(scored.get(1).points()).isEqualTo(73);
  }

  @Test
  void theDayIsTheAthletesOwnARunAt2330InTokyoCountsForThatTokyoDay() {
    WorkoutFact lateRun = Workouts.run("2026-06-01T23:30:00", "Asia/Tokyo");

    ScoredWorkout scored = Scorer.score(List.of(lateRun), ZoneId.of("Asia/Tokyo")).get(0);

    assertThat(scored.localDate()).hasToString("2026-06-01");
    assertThat(lateRun.startTime()).hasToString("2026-06-01T14:30:00Z");
  }
}
