package io.stride.gamification.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlausibilityTests {

  private final WorkoutFact run = Workouts.run("2026-06-01T07:00:00Z");

  @Test
  void anOrdinaryRecordedRunIsPlausible() {
    assertThat(Plausibility.reasons(run)).isEmpty();
  }

  @Test
  void aFiveSecondStretchFasterThanTheFastestSprinterIsBeyondTheHumanLimit() {
    assertThat(Plausibility.reasons(Workouts.withMaxSpeed(run, 13.0)))
        .containsExactly(Plausibility.SPEED);
    assertThat(Plausibility.reasons(Workouts.withMaxSpeed(run, 12.0))).isEmpty();
  }

  @Test
  void theSameSpeedIsFineOnABike() {
    WorkoutFact ride = Workouts.withMaxSpeed(Workouts.withSport(run, "ride"), 20.0);

    assertThat(Plausibility.reasons(ride)).isEmpty();
  }

  @Test
  void aRunAveragingMoreThanSevenMetersASecondOverAKilometerOrMoreIsRefused() {
    WorkoutFact car = Workouts.withDistance(run, 20_000, 1_800);

    assertThat(Plausibility.reasons(car)).contains(Plausibility.AVERAGE_SPEED);
  }

  @Test
  void aHeartRateNoHeartBeatsAtIsImpossible() {
    assertThat(Plausibility.reasons(Workouts.withHeartRate(run, 150, 260)))
        .containsExactly(Plausibility.HEART_RATE);
    assertThat(Plausibility.reasons(Workouts.withHeartRate(run, 12, 100)))
        .containsExactly(Plausibility.HEART_RATE);
    assertThat(Plausibility.reasons(Workouts.withHeartRate(run, 170, 160)))
        .as("an average above the maximum")
        .containsExactly(Plausibility.HEART_RATE);
  }

  @Test
  void aTrackThatTeleportedIsRefused() {
    assertThat(Plausibility.reasons(Workouts.withGpsJumps(run, 1)))
        .containsExactly(Plausibility.GPS_TELEPORT);
  }

  @Test
  void factsAWorkoutCannotGiveAreNotHeldAgainstIt() {
    WorkoutFact unknown = Workouts.manual(run);

    assertThat(Plausibility.reasons(unknown)).isEmpty();
  }
}
