package io.stride.gamification.streaks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Daily streaks (ADR 0028): consecutive days, on the athlete's own clock, with a counted workout. A
 * day without one breaks the run unless it is a rest day (a public holiday of the athlete's region,
 * where the region allows it) or a freeze token covers it; every {@link #DAYS_PER_TOKEN} active
 * days of a run earn a token, and at most {@link #MAX_TOKENS} are held. A gap longer than the
 * tokens held spends them all and starts a new run. Because days are local dates, a clock change
 * (DST) moves no workout to another day, and a late upload of an older workout is simply one more
 * day in the history it is computed from.
 */
public final class DailyStreaks {

  public static final int DAYS_PER_TOKEN = 7;
  public static final int MAX_TOKENS = 2;

  private DailyStreaks() {}

  /**
   * @param days every local day with a counted workout, with the first such workout of the day
   * @param restDay whether a day without a workout leaves the run intact for free
   */
  public static Streak of(SortedMap<LocalDate, UUID> days, Predicate<LocalDate> restDay) {
    if (days.isEmpty()) {
      return Streak.none();
    }
    int length = 0;
    int longest = 0;
    int tokens = 0;
    LocalDate start = null;
    LocalDate last = null;
    List<Streak.Reached> reached = new ArrayList<>();
    for (Map.Entry<LocalDate, UUID> day : days.entrySet()) {
      if (last != null) {
        int missed = missedDays(last, day.getKey(), restDay);
        if (missed <= tokens) {
          tokens -= missed;
        } else {
          tokens = 0;
          length = 0;
        }
      }
      if (length == 0) {
        start = day.getKey();
      }
      length++;
      if (length % DAYS_PER_TOKEN == 0 && tokens < MAX_TOKENS) {
        tokens++;
      }
      longest = Math.max(longest, length);
      last = day.getKey();
      reached.add(new Streak.Reached(length, last, day.getValue()));
    }
    return new Streak(length, start, last, longest, tokens, reached);
  }

  /** Days strictly between {@code from} and {@code to} that are no rest days. */
  public static int missedDays(LocalDate from, LocalDate to, Predicate<LocalDate> restDay) {
    int missed = 0;
    for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
      if (!restDay.test(d)) {
        missed++;
      }
    }
    return missed;
  }
}
