package io.stride.analytics.fitness;

import static io.stride.analytics.fitness.FitnessModel.ACUTE_RATE;
import static io.stride.analytics.fitness.FitnessModel.CHRONIC_RATE;
import static io.stride.analytics.fitness.FitnessModel.FATIGUE_RATE;
import static io.stride.analytics.fitness.FitnessModel.FITNESS_RATE;

/**
 * The fitness model carried forward, so that a workout event needs no history: fitness, fatigue and
 * the acute and chronic loads at the end of the day before {@code anchorDay}, and the load of
 * {@code anchorDay}, which is never before the athlete's last day with training. Every average is
 * linear in the daily loads ({@code X_d = (1 − rate) · X_(d−1) + rate · L_d}), so a day's load
 * changed by ΔL moves the average of each later day T by {@code ΔL · rate · (1 − rate)^(T − d)}: a
 * late, edited or deleted workout moves this state exactly, without running the days in between.
 *
 * @param anchorDay epoch day
 */
public record CarriedState(
    long anchorDay,
    double anchorLoad,
    double fitness,
    double fatigue,
    double acute,
    double chronic) {

  /** The state of {@code loads} anchored on {@code anchor} (not before their last day). */
  static CarriedState of(DailyLoads loads, long anchor) {
    double[] x = new double[4];
    double anchorLoad = 0;
    if (loads.firstDay() != null) {
      int next = 0;
      for (long day = loads.day(0); day < anchor; day++) {
        double load = 0;
        if (next < loads.size() && loads.day(next) == day) {
          load = loads.load(next++);
        }
        step(x, load);
      }
      if (next < loads.size() && loads.day(next) == anchor) {
        anchorLoad = loads.load(next++);
      }
      if (next < loads.size()) {
        throw new IllegalArgumentException("training after the anchor day " + anchor);
      }
    }
    return new CarriedState(anchor, anchorLoad, x[0], x[1], x[2], x[3]);
  }

  /** The state after the load of {@code day} changed by {@code delta}. */
  CarriedState plus(long day, double delta) {
    if (day >= anchorDay) {
      CarriedState moved = movedTo(day);
      return moved.withAnchorLoad(moved.anchorLoad + delta);
    }
    long after = anchorDay - 1 - day;
    return new CarriedState(
        anchorDay,
        anchorLoad,
        fitness + delta * FITNESS_RATE * Math.pow(1 - FITNESS_RATE, after),
        fatigue + delta * FATIGUE_RATE * Math.pow(1 - FATIGUE_RATE, after),
        acute + delta * ACUTE_RATE * Math.pow(1 - ACUTE_RATE, after),
        chronic + delta * CHRONIC_RATE * Math.pow(1 - CHRONIC_RATE, after));
  }

  /** The same state anchored on a later {@code day} (no training between). */
  CarriedState movedTo(long day) {
    if (day <= anchorDay) {
      return this;
    }
    double[] x = endOf(day - 1);
    return new CarriedState(day, 0, x[0], x[1], x[2], x[3]);
  }

  /**
   * Fitness, fatigue, acute and chronic load at the end of {@code day}, not before the day before
   * the anchor: the days after it without training, run one at a time as {@link FitnessModel}.
   */
  double[] endOf(long day) {
    if (day < anchorDay - 1) {
      throw new IllegalArgumentException("before the carried state: " + day);
    }
    double[] x = {fitness, fatigue, acute, chronic};
    for (long d = anchorDay; d <= day; d++) {
      step(x, d == anchorDay ? anchorLoad : 0);
    }
    return x;
  }

  private CarriedState withAnchorLoad(double load) {
    return new CarriedState(anchorDay, load, fitness, fatigue, acute, chronic);
  }

  private static void step(double[] x, double load) {
    x[0] += (load - x[0]) * FITNESS_RATE;
    x[1] += (load - x[1]) * FATIGUE_RATE;
    x[2] += (load - x[2]) * ACUTE_RATE;
    x[3] += (load - x[3]) * CHRONIC_RATE;
  }
}
