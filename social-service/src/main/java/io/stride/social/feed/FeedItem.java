package io.stride.social.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workout in a feed: who, what, when, the totals and the personal records it set, as its
 * visibility lets the reader see it. No coordinates: a map preview comes from workout-service's
 * privacy-trimmed endpoints by {@code workoutId}.
 */
record FeedItem(
    UUID workoutId,
    Athlete athlete,
    String sport,
    @Nullable String title,
    Instant startTime,
    long elapsedSeconds,
    @Nullable Long movingSeconds,
    @Nullable Double distanceMeters,
    @Nullable Double elevationGainMeters,
    String visibility,
    long kudosCount,
    long commentCount,
    boolean youGaveKudos,
    List<PersonalRecord> personalRecords) {

  /** The athlete whose workout it is. */
  record Athlete(UUID athleteId, @Nullable String displayName, @Nullable String avatarUrl) {}

  /**
   * A personal best this workout set: the fastest {@code effort} (e.g. "5k") of the athlete's
   * workouts of its sport when it was recorded; {@code previousSeconds} null for the first one.
   */
  record PersonalRecord(
      String effort,
      double distanceMeters,
      double elapsedSeconds,
      @Nullable Double previousSeconds) {}

  FeedItem withRecords(List<PersonalRecord> records) {
    return new FeedItem(
        workoutId,
        athlete,
        sport,
        title,
        startTime,
        elapsedSeconds,
        movingSeconds,
        distanceMeters,
        elevationGainMeters,
        visibility,
        kudosCount,
        commentCount,
        youGaveKudos,
        List.copyOf(records));
  }
}
