package io.stride.gamification.scoring;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores an athlete's workouts (ADR 0028): the points table per workout, then the caps of each day
 * on the athlete's own clock, filled in the order the workouts started. A day earns at most {@link
 * #DAILY_CAP} points, and of them at most {@link #MANUAL_DAILY_CAP} from workouts entered by hand.
 * An implausible workout earns nothing and takes nothing of the day's cap.
 */
public final class Scorer {

  public static final int DAILY_CAP = 300;
  public static final int MANUAL_DAILY_CAP = 50;

  private Scorer() {}

  /** What the points table gives the workout, before any cap. */
  public static int basePoints(WorkoutFact workout) {
    SportLimits limits = SportLimits.of(workout.sport());
    double minutes = Math.max(0, workout.activeSeconds()) / 60.0;
    double kilometers = Math.max(0, workout.distanceOrZero()) / 1000.0;
    double climbed =
        workout.elevationGainMeters() == null ? 0 : Math.max(0, workout.elevationGainMeters());
    return (int)
        Math.round(
            minutes * limits.perMinute()
                + kilometers * limits.perKilometer()
                + climbed / 100.0 * limits.perHundredMetersClimbed());
  }

  /**
   * Every workout's score.
   *
   * @param workouts in the order they started (ties by id)
   */
  public static List<ScoredWorkout> score(List<WorkoutFact> workouts, ZoneId zone) {
    Map<LocalDate, int[]> spent = new HashMap<>(); // [all, manual]
    List<ScoredWorkout> scored = new ArrayList<>(workouts.size());
    for (WorkoutFact workout : workouts) {
      var localStart = workout.startTime().atZone(zone).toLocalDateTime();
      int base = basePoints(workout);
      List<String> reasons = workout.manual() ? List.of() : Plausibility.reasons(workout);
      int points = 0;
      if (reasons.isEmpty()) {
        int[] day = spent.computeIfAbsent(localStart.toLocalDate(), d -> new int[2]);
        points = Math.min(base, DAILY_CAP - day[0]);
        if (workout.manual()) {
          points = Math.min(points, MANUAL_DAILY_CAP - day[1]);
          day[1] += points;
        }
        day[0] += points;
      }
      scored.add(new ScoredWorkout(workout, localStart, base, points, reasons));
    }
    return scored;
  }
}
