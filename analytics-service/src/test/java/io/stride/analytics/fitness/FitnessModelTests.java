package io.stride.analytics.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/analytics.md, "Fitness, fatigue and form". */
class FitnessModelTests {

  static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  @Test
  void oneWorkoutOf100GivesFitness2Point35AndFatigue13Point31ThatDayAndDecaysTheNext() {
    FitnessSeries series =
        FitnessModel.series(Map.of(FIRST, 100.0), FIRST, FIRST, FIRST.plusDays(1));

    assertThat(series.fitness(0)).isCloseTo(2.3528, within(1e-4));
    assertThat(series.fatigue(0)).isCloseTo(13.3122, within(1e-4));
    assertThat(series.form(0)).isCloseTo(-10.9594, within(1e-4));
    assertThat(series.load(1)).isZero();
    assertThat(series.fitness(1)).isCloseTo(2.2975, within(1e-4));
    assertThat(series.fatigue(1)).isCloseTo(11.5401, within(1e-4));
  }

  @Test
  void aYearOfFiftyADayBringsFitnessAndFatigueToFiftyAndFormToZero() {
    Map<LocalDate, Double> loads = new HashMap<>();
    for (int d = 0; d < 365; d++) {
      loads.put(FIRST.plusDays(d), 50.0);
    }
    LocalDate last = FIRST.plusDays(364);
    FitnessSeries series = FitnessModel.series(loads, FIRST, last, last);

    assertThat(series.fitness(0)).isCloseTo(50, within(0.01));
    assertThat(series.fatigue(0)).isCloseTo(50, within(0.01));
    assertThat(series.form(0)).isCloseTo(0, within(0.01));
    assertThat(series.ratio(0)).isCloseTo(1, within(0.01));
  }

  @Test
  void theRatioIsUnknownBeforeTwentyEightDaysAndAfterThemStillRampingAt1Point16() {
    Map<LocalDate, Double> loads = new HashMap<>();
    for (int d = 0; d < 28; d++) {
      loads.put(FIRST.plusDays(d), 50.0);
    }
    FitnessSeries series = FitnessModel.series(loads, FIRST, FIRST, FIRST.plusDays(27));

    assertThat(series.ratio(26)).isNull();
    assertThat(series.ratio(27)).isCloseTo(1.156, within(0.001));
  }

  @Test
  void aRangeStartingBeforeTheFirstWorkoutIsZeroUntilThenAndTheSameAfter() {
    Map<LocalDate, Double> loads = Map.of(FIRST, 100.0, FIRST.plusDays(3), 80.0);
    FitnessSeries wide = FitnessModel.series(loads, FIRST, FIRST.minusDays(5), FIRST.plusDays(10));
    FitnessSeries narrow = FitnessModel.series(loads, FIRST, FIRST.plusDays(8), FIRST.plusDays(10));

    assertThat(wide.fitness(0)).isZero();
    assertThat(wide.fatigue(4)).isZero();
    for (int i = 0; i < 3; i++) {
      assertThat(narrow.fitness(i)).isEqualTo(wide.fitness(13 + i));
      assertThat(narrow.fatigue(i)).isEqualTo(wide.fatigue(13 + i));
    }
  }

  @Test
  void aLateWorkoutChangesEveryDayFromItsOwnOnByItsDecayedLoadAndNoDayBefore() {
    TreeMap<LocalDate, Double> loads = new TreeMap<>();
    for (int d = 0; d < 1000; d += 2) {
      loads.put(FIRST.plusDays(d), 60.0);
    }
    LocalDate from = FIRST.minusDays(40);
    LocalDate to = FIRST.plusDays(1000);
    FitnessSeries before = FitnessModel.series(loads, loads.firstKey(), from, to);
    LocalDate late = FIRST.minusDays(30);
    loads.put(late, 500.0);
    FitnessSeries after = FitnessModel.series(loads, loads.firstKey(), from, to);

    assertThat(after.fitness(9)).as("the day before it").isZero();
    assertThat(after.fitness(10)).isCloseTo(500 * FitnessModel.FITNESS_RATE, within(1e-9));
    for (int day : new int[] {40, 100, 1040}) {
      int since = day - 10;
      assertThat(after.fitness(day) - before.fitness(day))
          .isCloseTo(500 * FitnessModel.FITNESS_RATE * Math.exp(-since / 42.0), within(1e-9));
      assertThat(after.fatigue(day) - before.fatigue(day))
          .isCloseTo(500 * FitnessModel.FATIGUE_RATE * Math.exp(-since / 7.0), within(1e-9));
    }
  }

  @Test
  void anAthleteWithoutWorkoutsHasZerosEveryDay() {
    FitnessSeries series = FitnessModel.series(Map.of(), null, FIRST, FIRST.plusDays(6));

    assertThat(series.days()).isEqualTo(7);
    assertThat(series.fitness(6)).isZero();
    assertThat(series.ratio(6)).isNull();
  }
}
