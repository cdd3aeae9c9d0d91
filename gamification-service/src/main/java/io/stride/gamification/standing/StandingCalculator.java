package io.stride.gamification.standing;

import io.stride.gamification.badges.BadgeContext;
import io.stride.gamification.badges.BadgeRegistry;
import io.stride.gamification.scoring.Levels;
import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.scoring.Scorer;
import io.stride.gamification.scoring.WorkoutFact;
import io.stride.gamification.streaks.DailyStreaks;
import io.stride.gamification.streaks.Streak;
import io.stride.gamification.streaks.WeeklyStreaks;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Folds an athlete's history into their standing: scores, points, level, streaks, badges. Nothing
 * here reads a clock or a database, so the same history always gives the same standing, whatever
 * order its events arrived in.
 */
@Component
class StandingCalculator {

  /** Where and how the athlete lives: the rules' view of their profile and region. */
  record Calendar(
      ZoneId zone,
      DayOfWeek firstDayOfWeek,
      Predicate<LocalDate> publicHoliday,
      boolean holidaysAreRestDays) {}

  private final BadgeRegistry badges;

  StandingCalculator(BadgeRegistry badges) {
    this.badges = badges;
  }

  /**
   * @param workouts the athlete's workouts in the order they started, ties by id
   */
  Standing compute(List<WorkoutFact> workouts, Calendar calendar) {
    List<ScoredWorkout> scores = Scorer.score(workouts, calendar.zone());
    long points = 0;
    int counted = 0;
    SortedMap<LocalDate, UUID> days = new TreeMap<>();
    for (ScoredWorkout score : scores) {
      if (score.counted()) {
        points += score.points();
        counted++;
        days.putIfAbsent(score.localDate(), score.workout().workoutId());
      }
    }
    Predicate<LocalDate> restDay =
        calendar.holidaysAreRestDays() ? calendar.publicHoliday() : day -> false;
    Streak daily = DailyStreaks.of(days, restDay);
    Streak weekly = WeeklyStreaks.of(days, calendar.firstDayOfWeek());
    var earned = badges.earned(new BadgeContext(scores, daily, weekly, calendar.publicHoliday()));
    int level = Levels.of(points);
    return new Standing(
        scores, points, level, reachedAt(scores, level), counted, daily, weekly, earned);
  }

  private static Instant reachedAt(List<ScoredWorkout> scores, int level) {
    long needed = Levels.threshold(level);
    long sum = 0;
    for (ScoredWorkout score : scores) {
      sum += score.points();
      if (level > 1 && score.points() > 0 && sum >= needed) {
        return score.workout().startTime();
      }
    }
    return null;
  }
}
