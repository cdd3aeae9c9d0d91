package io.stride.gamification.streaks;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A streak as an athlete's history leaves it: the latest run of days (or weeks) with a counted
 * workout, the longest run ever, and the freeze tokens held after the latest active day.
 *
 * @param length active days (or weeks) of the latest run; 0 without any
 * @param start its first day (for weeks: the first day of its first week)
 * @param last its latest day (for weeks: the first day of its latest week)
 * @param milestones every length a run reached, with the day and the workout that reached it, in
 *     order (badges are given for some of them)
 */
public record Streak(
    int length,
    LocalDate start,
    LocalDate last,
    int longest,
    int freezeTokens,
    List<Reached> milestones) {

  public Streak {
    milestones = List.copyOf(milestones);
  }

  /** A run reached {@code length} on {@code day}, by {@code workoutId}. */
  public record Reached(int length, LocalDate day, UUID workoutId) {}

  static Streak none() {
    return new Streak(0, null, null, 0, 0, List.of());
  }
}
