package io.stride.gamification.streaks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Weekly streaks (ADR 0028): consecutive weeks with at least one counted workout, weeks starting on
 * the first day of the week of the athlete's region (Monday without one). No tokens: a week is long
 * enough to find a day.
 */
public final class WeeklyStreaks {

  private WeeklyStreaks() {}

  /** The first day of the week {@code day} is in. */
  public static LocalDate weekOf(LocalDate day, DayOfWeek firstDay) {
    return day.with(TemporalAdjusters.previousOrSame(firstDay));
  }

  /**
   * @param days every local day with a counted workout, with the first such workout of the day
   */
  public static Streak of(SortedMap<LocalDate, UUID> days, DayOfWeek firstDay) {
    SortedMap<LocalDate, UUID> weeks = new TreeMap<>();
    days.forEach((day, workout) -> weeks.putIfAbsent(weekOf(day, firstDay), workout));
    if (weeks.isEmpty()) {
      return Streak.none();
    }
    int length = 0;
    int longest = 0;
    LocalDate start = null;
    LocalDate last = null;
    List<Streak.Reached> reached = new ArrayList<>();
    for (Map.Entry<LocalDate, UUID> week : weeks.entrySet()) {
      if (last == null || !week.getKey().equals(last.plusWeeks(1))) {
        length = 0;
        start = week.getKey();
      }
      length++;
      longest = Math.max(longest, length);
      last = week.getKey();
      reached.add(new Streak.Reached(length, last, week.getValue()));
    }
    return new Streak(length, start, last, longest, 0, reached);
  }
}
