package io.stride.recommendation.training;

import io.stride.recommendation.athletes.Workouts.Workout;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recent pattern from the last twelve weeks of workouts, in the athlete's time zone. A workout
 * is long when it moved at least {@value #LONG_MINUTES} minutes and 1.5 times the athlete's median;
 * a day is demanding with a hard or long workout, or a hard or long suggestion the athlete
 * accepted.
 */
final class Patterns {

  static final int LONG_MINUTES = 60;
  static final double LONG_OVER_MEDIAN = 1.5;

  private Patterns() {}

  static TrainingAdvice.Pattern of(
      List<Workout> workouts,
      Collection<LocalDate> acceptedDemanding,
      ZoneId zone,
      LocalDate today) {
    long longFrom = longThreshold(workouts);
    Set<LocalDate> trained = new HashSet<>();
    LocalDate lastDemanding = null;
    boolean longInLastWeek = false;
    for (Workout workout : workouts) {
      LocalDate day = LocalDate.ofInstant(workout.startTime(), zone);
      if (day.isAfter(today)) {
        continue;
      }
      trained.add(day);
      boolean isLong = workout.movingSeconds() >= longFrom;
      if (isLong && !day.isBefore(today.minusDays(6))) {
        longInLastWeek = true;
      }
      if ((workout.hard() || isLong) && (lastDemanding == null || day.isAfter(lastDemanding))) {
        lastDemanding = day;
      }
    }
    for (LocalDate day : acceptedDemanding) {
      if (!day.isAfter(today) && (lastDemanding == null || day.isAfter(lastDemanding))) {
        lastDemanding = day;
      }
    }
    LocalDate from = trained.contains(today) ? today : today.minusDays(1);
    int inARow = 0;
    while (trained.contains(from.minusDays(inARow))) {
      inARow++;
    }
    Integer since =
        lastDemanding == null ? null : (int) ChronoUnit.DAYS.between(lastDemanding, today);
    return new TrainingAdvice.Pattern(since, inARow, longInLastWeek, workouts.size());
  }

  /** Seconds from which a workout counts as long for this athlete. */
  static long longThreshold(List<Workout> workouts) {
    List<Long> moving = new ArrayList<>();
    for (Workout workout : workouts) {
      moving.add(workout.movingSeconds());
    }
    moving.sort(null);
    long median = moving.isEmpty() ? 0 : moving.get(moving.size() / 2);
    return Math.max(LONG_MINUTES * 60L, Math.round(median * LONG_OVER_MEDIAN));
  }
}
