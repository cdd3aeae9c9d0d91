package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaloriesTests {

  @Test
  void withoutPowerOrARunTheSportsMetTimesWeightTimesMovingHoursCounts() {
    Athlete swimmer = new Athlete(60.0, null, null, null);

    assertThat(Calories.estimate(Sport.SWIM, swimmer, 3600, 2000, null)).isEqualTo(420); // 7.0 × 60
    assertThat(Calories.estimate(Sport.YOGA, swimmer, 1800, 0, null)).isEqualTo(75); // 2.5 × 60 × ½
  }

  @Test
  void anUnknownWeightIsTakenAsSeventyKilograms() {
    assertThat(Calories.estimate(Sport.WALK, Athlete.UNKNOWN, 3600, 5000, null)).isEqualTo(245);
  }

  @Test
  void mechanicalWorkWinsOverEveryOtherEstimate() {
    assertThat(Calories.estimate(Sport.RUN, Athlete.UNKNOWN, 3600, 12000, 650.4)).isEqualTo(650);
  }
}
