package io.stride.analytics.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The carried state moves by a changed day's load exactly as running the whole history again. */
class CarriedStateTests {

  static final LocalDate FIRST = LocalDate.of(2021, 1, 1);

  @Test
  void lateEditedMovedAndDeletedLoadsMoveTheStateAsARunOfTheWholeHistory() {
    Random random = new Random(15);
    TreeMap<LocalDate, Double> loads = new TreeMap<>();
    for (int d = 0; d < 5 * 365; d++) {
      if (random.nextInt(7) != 0) {
        loads.put(FIRST.plusDays(d), 20 + random.nextDouble() * 120);
      }
    }
    long anchor = loads.lastKey().toEpochDay();
    CarriedState carried = CarriedState.of(DailyLoads.of(loads, loads.firstKey()), anchor);

    // a workout three years late, on a rest day or on top of a day's training
    carried = change(loads, carried, FIRST.plusDays(700), 95.5);
    carried = change(loads, carried, FIRST.plusDays(701), 40);
    // the newest day gets a second workout; one is edited; one moves a year on; one is deleted
    carried = change(loads, carried, loads.lastKey(), 60);
    carried = change(loads, carried, FIRST.plusDays(1500), -10);
    LocalDate moved = loads.higherKey(FIRST.plusDays(300));
    double load = loads.get(moved);
    carried = change(loads, carried, moved, -load);
    carried = change(loads, carried, FIRST.plusDays(1300), load);
    carried =
        change(
            loads,
            carried,
            loads.higherKey(FIRST.plusDays(1000)),
            -loads.higherEntry(FIRST.plusDays(1000)).getValue());
    // a workout after the last day moves the anchor on
    carried = change(loads, carried, loads.lastKey().plusDays(9), 77);

    assertSame(
        carried, CarriedState.of(DailyLoads.of(loads, loads.firstKey()), carried.anchorDay()));
  }

  @Test
  void theDaysAfterTheAnchorAreTheSeriesOfTheWholeHistory() {
    Map<LocalDate, Double> loads = new TreeMap<>();
    for (int d = 0; d < 100; d += 2) {
      loads.put(FIRST.plusDays(d), 50.0 + d);
    }
    LocalDate last = FIRST.plusDays(98);
    CarriedState carried =
        CarriedState.of(DailyLoads.of(loads, FIRST), last.toEpochDay())
            .movedTo(last.toEpochDay() + 30);
    LocalDate today = last.plusDays(40);
    FitnessSeries series = FitnessModel.series(loads, FIRST, today.minusDays(1), today);
    FitnessSeries carriedSeries = TrainingState.series(carried, today, FIRST);

    for (int i = 0; i < 2; i++) {
      assertThat(carriedSeries.fitness(i)).isEqualTo(series.fitness(i));
      assertThat(carriedSeries.fatigue(i)).isEqualTo(series.fatigue(i));
      assertThat(carriedSeries.ratio(i)).isEqualTo(series.ratio(i));
    }
  }

  private static CarriedState change(
      TreeMap<LocalDate, Double> loads, CarriedState carried, LocalDate day, double delta) {
    loads.merge(day, delta, Double::sum);
    return carried.plus(day.toEpochDay(), delta);
  }

  static void assertSame(CarriedState actual, CarriedState expected) {
    assertThat(actual.anchorDay()).isEqualTo(expected.anchorDay());
    assertThat(actual.anchorLoad()).isCloseTo(expected.anchorLoad(), within(1e-9));
    assertThat(actual.fitness()).isCloseTo(expected.fitness(), within(1e-9));
    assertThat(actual.fatigue()).isCloseTo(expected.fatigue(), within(1e-9));
    assertThat(actual.acute()).isCloseTo(expected.acute(), within(1e-9));
    assertThat(actual.chronic()).isCloseTo(expected.chronic(), within(1e-9));
  }
}
