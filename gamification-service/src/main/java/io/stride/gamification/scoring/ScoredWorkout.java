package io.stride.gamification.scoring;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A workout with its score.
 *
 * @param localStart when it started, on the athlete's own clock
 * @param basePoints what the points table gives it, before the day's caps
 * @param points what it earned: 0 when under review, else capped by the day's caps
 * @param reasons why it is under review; empty when it counts
 */
public record ScoredWorkout(
    WorkoutFact workout,
    LocalDateTime localStart,
    int basePoints,
    int points,
    List<String> reasons) {

  public ScoredWorkout {
    reasons = List.copyOf(reasons);
  }

  /** Plausible: it earns points, badges and streak days. */
  public boolean counted() {
    return reasons.isEmpty();
  }

  public LocalDate localDate() {
    return localStart.toLocalDate();
  }
}
