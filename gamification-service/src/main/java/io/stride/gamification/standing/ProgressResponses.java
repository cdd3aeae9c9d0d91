package io.stride.gamification.standing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The answers of the progress API. */
final class ProgressResponses {

  private ProgressResponses() {}

  /** An athlete's points, level and streaks. */
  record MyProgress(
      long points,
      int level,
      @Schema(description = "points the level held needed") long levelPoints,
      @Schema(description = "points the next level needs; null at the highest")
          @Nullable Long nextLevelPoints,
      @Schema(description = "workouts that earned points") int workoutsCounted,
      @Schema(description = "workouts marked for review (implausible): no points")
          int workoutsInReview,
      int badges,
      Streaks streaks) {}

  /** Both streaks. */
  record Streaks(StreakView daily, StreakView weekly) {}

  /**
   * A streak as of now, on the athlete's own clock.
   *
   * @param current active days (weeks) of the streak still alive; 0 once it is broken
   * @param lastDay the latest day with a counted workout (weekly: the first day of that week)
   * @param freezeTokens tokens held now, after covering the days missed since {@code lastDay}
   * @param extendBy the last day (for weekly: the last day of the week) a workout keeps it alive
   */
  record StreakView(
      int current,
      @Nullable LocalDate startDay,
      @Nullable LocalDate lastDay,
      int longest,
      int freezeTokens,
      @Nullable LocalDate extendBy) {}

  /** A badge the athlete holds. */
  record HeldBadge(
      String badge, int tier, String title, @Nullable UUID workoutId, Instant earnedAt) {}

  /** The badges the athlete holds, newest first. */
  record MyBadges(List<HeldBadge> badges) {}

  /** A badge as the catalogue describes it. */
  record BadgeDescription(String badge, String description, List<Integer> tiers) {}

  /** Every badge there is. */
  record BadgeCatalogue(List<BadgeDescription> badges) {}

  /**
   * One of my workouts' score.
   *
   * @param localDate the day it counts for, on the athlete's own clock
   * @param basePoints what the points table gives it before the day's caps
   * @param points what it earned
   * @param status {@code counted}, or {@code review} when implausible (no points)
   * @param reasons why it is under review
   */
  record WorkoutScore(
      UUID workoutId,
      LocalDate localDate,
      int basePoints,
      int points,
      String status,
      List<String> reasons) {}
}
