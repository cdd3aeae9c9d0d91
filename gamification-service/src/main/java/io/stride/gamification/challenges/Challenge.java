package io.stride.gamification.challenges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A challenge as stored: a goal for workouts of one sport (or any) that start between the first
 * moment of {@code startsOn} and the last of {@code endsOn} in {@code zone}.
 *
 * @param participants how many athletes joined it
 */
public record Challenge(
    UUID id,
    String title,
    String description,
    Goal goal,
    long target,
    @Nullable String sport,
    ZoneId zone,
    LocalDate startsOn,
    LocalDate endsOn,
    Instant startsAt,
    Instant endsAt,
    Reach reach,
    @Nullable String region,
    @Nullable UUID clubId,
    boolean sponsored,
    @Nullable String campaignId,
    UUID createdBy,
    Instant createdAt,
    int participants) {

  /** Whether a workout of this sport starting then counts for the challenge. */
  public boolean counts(String workoutSport, Instant start) {
    return (sport == null || sport.equals(workoutSport))
        && !start.isBefore(startsAt)
        && start.isBefore(endsAt);
  }

  /** {@code upcoming}, {@code active} or {@code ended}, as of {@code now}. */
  public String statusAt(Instant now) {
    if (now.isBefore(startsAt)) {
      return "upcoming";
    }
    return now.isBefore(endsAt) ? "active" : "ended";
  }
}
