package io.stride.analytics.fitness;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * An athlete's daily loads as the model reads them: the days with training in ascending order (as
 * epoch days) with the sum of their workouts' loads, and the day their history begins. Plain
 * arrays, so running five years of days costs no lookups or allocations per day.
 */
public final class DailyLoads {

  static final DailyLoads NONE = new DailyLoads(null, new long[0], new double[0]);

  private final LocalDate firstDay;
  private final long[] days;
  private final double[] loads;

  private DailyLoads(LocalDate firstDay, long[] days, double[] loads) {
    this.firstDay = firstDay;
    this.days = days;
    this.loads = loads;
  }

  /** Collects the days in ascending order. */
  static final class Builder {
    private long[] days = new long[256];
    private double[] loads = new double[256];
    private int count;

    void add(long epochDay, double load) {
      if (count == days.length) {
        days = Arrays.copyOf(days, count * 2);
        loads = Arrays.copyOf(loads, count * 2);
      }
      days[count] = epochDay;
      loads[count++] = load;
    }

    DailyLoads build() {
      return count == 0
          ? NONE
          : new DailyLoads(
              LocalDate.ofEpochDay(days[0]),
              Arrays.copyOf(days, count),
              Arrays.copyOf(loads, count));
    }
  }

  /** The loads of a map of days; the history begins on {@code firstDay} (null: no workouts). */
  static DailyLoads of(Map<LocalDate, Double> loads, LocalDate firstDay) {
    if (firstDay == null) {
      return NONE;
    }
    long[] days =
        loads.keySet().stream()
            .mapToLong(LocalDate::toEpochDay)
            .filter(day -> day >= firstDay.toEpochDay())
            .sorted()
            .toArray();
    double[] values = new double[days.length];
    for (int i = 0; i < days.length; i++) {
      values[i] = loads.get(LocalDate.ofEpochDay(days[i]));
    }
    return new DailyLoads(firstDay, days, values);
  }

  /** The first day of the history; null for an athlete without workouts. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** How many days have training. */
  int size() {
    return days.length;
  }

  /** The epoch day of the {@code index}th day with training. */
  long day(int index) {
    return days[index];
  }

  /** Its load. */
  double load(int index) {
    return loads[index];
  }
}
