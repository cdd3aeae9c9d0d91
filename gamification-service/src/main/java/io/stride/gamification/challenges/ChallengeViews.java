package io.stride.gamification.challenges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Challenges as the API shows them. */
final class ChallengeViews {

  private ChallengeViews() {}

  /** The caller's progress in a challenge they joined. */
  record MyChallengeProgress(
      UUID challengeId,
      Instant joinedAt,
      long progress,
      long target,
      String unit,
      int workouts,
      boolean completed,
      @Nullable UUID completedWorkoutId,
      @Nullable Instant completedAt) {}

  /**
   * A challenge.
   *
   * @param status upcoming, active or ended
   * @param you the caller's progress; null when they have not joined
   */
  record ChallengeView(
      UUID id,
      String title,
      String description,
      String goal,
      long target,
      String unit,
      @Nullable String sport,
      String timeZone,
      LocalDate startsOn,
      LocalDate endsOn,
      Instant startsAt,
      Instant endsAt,
      String status,
      String scope,
      @Nullable String region,
      @Nullable UUID clubId,
      boolean sponsored,
      @Nullable String campaignId,
      int participants,
      @Nullable MyChallengeProgress you) {

    static ChallengeView of(Challenge c, Instant now, @Nullable MyChallengeProgress you) {
      return new ChallengeView(
          c.id(),
          c.title(),
          c.description(),
          c.goal().wireName(),
          c.target(),
          c.goal().unit(),
          c.sport(),
          c.zone().getId(),
          c.startsOn(),
          c.endsOn(),
          c.startsAt(),
          c.endsAt(),
          c.statusAt(now),
          c.reach().wireName(),
          c.region(),
          c.clubId(),
          c.sponsored(),
          c.campaignId(),
          c.participants(),
          you);
    }
  }
}
