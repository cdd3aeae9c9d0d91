package io.stride.analytics.fitness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The impulse-response model of docs/analytics.md, "Fitness, fatigue and form": per local day,
 * fitness (CTL) and fatigue (ATL) are exponentially weighted averages of the daily load with time
 * constants of 42 and 7 days, {@code X_d = X_(d−1) + (L_d − X_(d−1)) · (1 − e^(−1/τ))}, both 0 on
 * the day before the athlete's first workout, a day without workouts a load of 0; form (TSB) is
 * {@code CTL_d − ATL_d}. The acute:chronic workload ratio is Williams et al.'s EWMA ratio ({@code λ
 * = 2 / (N + 1)}, N = 7 and 28), null before 28 days of history.
 */
public final class FitnessModel {

  static final double FITNESS_DAYS = 42;
  static final double FATIGUE_DAYS = 7;
  static final double FITNESS_RATE = 1 - Math.exp(-1 / FITNESS_DAYS);
  static final double FATIGUE_RATE = 1 - Math.exp(-1 / FATIGUE_DAYS);
  static final double ACUTE_RATE = 2.0 / (7 + 1);
  static final double CHRONIC_RATE = 2.0 / (28 + 1);
  static final int RATIO_HISTORY_DAYS = 28;

  private FitnessModel() {}

  /**
   * The series from {@code from} to {@code to} (inclusive) of an athlete whose daily loads are
   * {@code loads} and whose history begins on {@code firstDay} (null: no workouts, all zeros).
   */
  public static FitnessSeries series(
      Map<LocalDate, Double> loads, LocalDate firstDay, LocalDate from, LocalDate to) {
    return series(DailyLoads.of(loads, firstDay), from, to);
  }

  /** The series from {@code from} to {@code to} (inclusive) of an athlete's daily loads. */
  public static FitnessSeries series(DailyLoads loads, LocalDate from, LocalDate to) {
    int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    FitnessSeries series = new FitnessSeries(from, days);
    LocalDate firstDay = loads.firstDay();
    if (firstDay == null) {
      return series;
    }
    double fitness = 0;
    double fatigue = 0;
    double acute = 0;
    double chronic = 0;
    long first = firstDay.toEpochDay();
    long start = Math.min(first, from.toEpochDay());
    long shown = from.toEpochDay();
    long last = to.toEpochDay();
    int next = 0;
    for (long day = start; day <= last; day++) {
      double load = 0;
      if (next < loads.size() && loads.day(next) == day) {
        load = loads.load(next++);
      }
      fitness += (load - fitness) * FITNESS_RATE;
      fatigue += (load - fatigue) * FATIGUE_RATE;
      acute += (load - acute) * ACUTE_RATE;
      chronic += (load - chronic) * CHRONIC_RATE;
      if (day >= shown) {
        boolean longEnough = day - first + 1 >= RATIO_HISTORY_DAYS;
        Double ratio = longEnough && chronic > 1e-9 ? acute / chronic : null;
        series.set((int) (day - shown), load, fitness, fatigue, ratio);
      }
    }
    return series;
  }
}
