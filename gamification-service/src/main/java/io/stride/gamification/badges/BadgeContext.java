package io.stride.gamification.badges;

import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.streaks.Streak;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a badge rule looks at: the athlete's counted workouts in the order they started (times on
 * the athlete's own clock), their streaks, and the public holidays of their region.
 */
public final class BadgeContext {

  private final List<ScoredWorkout> counted;
  private final Streak daily;
  private final Streak weekly;
  private final Predicate<LocalDate> publicHoliday;
  private final Map<UUID, ScoredWorkout> byId = new HashMap<>();

  public BadgeContext(
      List<ScoredWorkout> scored, Streak daily, Streak weekly, Predicate<LocalDate> publicHoliday) {
    this.counted = scored.stream().filter(ScoredWorkout::counted).toList();
    this.daily = daily;
    this.weekly = weekly;
    this.publicHoliday = publicHoliday;
    counted.forEach(w -> byId.put(w.workout().workoutId(), w));
  }

  /** Plausible workouts, in the order they started. */
  public List<ScoredWorkout> counted() {
    return counted;
  }

  public Streak daily() {
    return daily;
  }

  public Streak weekly() {
    return weekly;
  }

  public boolean publicHoliday(LocalDate day) {
    return publicHoliday.test(day);
  }

  /** The first counted workout that matches, earning the badge at its start. */
  public Optional<EarnedBadge> first(String badge, String title, Predicate<ScoredWorkout> matches) {
    return counted.stream().filter(matches).findFirst().map(w -> earnedBy(badge, 0, title, w));
  }

  /** The badge earned by the counted workout {@code workoutId}. */
  public EarnedBadge earnedBy(String badge, int tier, String title, UUID workoutId) {
    return earnedBy(badge, tier, title, byId.get(workoutId));
  }

  static EarnedBadge earnedBy(String badge, int tier, String title, ScoredWorkout workout) {
    return new EarnedBadge(
        badge, tier, title, workout.workout().workoutId(), workout.workout().startTime());
  }
}
