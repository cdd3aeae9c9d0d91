package io.stride.gamification.badges;

import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.scoring.Scorer;
import io.stride.gamification.scoring.WorkoutFact;
import io.stride.gamification.streaks.DailyStreaks;
import io.stride.gamification.streaks.WeeklyStreaks;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/** Badge contexts made of workouts the way the service makes them. */
final class Histories {

  private Histories() {}

  static BadgeContext of(WorkoutFact... workouts) {
    return in(ZoneId.of("UTC"), day -> false, workouts);
  }

  static BadgeContext in(ZoneId zone, Predicate<LocalDate> holiday, WorkoutFact... workouts) {
    List<WorkoutFact> ordered =
        java.util.Arrays.stream(workouts)
            .sorted(Comparator.comparing(WorkoutFact::startTime))
            .toList();
    List<ScoredWorkout> scored = Scorer.score(ordered, zone);
    SortedMap<LocalDate, UUID> days = new TreeMap<>();
    scored.stream()
        .filter(ScoredWorkout::counted)
        .forEach(s -> days.putIfAbsent(s.localDate(), s.workout().workoutId()));
    return new BadgeContext(
        scored,
        DailyStreaks.of(days, day -> false),
        WeeklyStreaks.of(days, DayOfWeek.MONDAY),
        holiday);
  }
}
