package io.stride.social.feed;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workout in a feed: who, what, when and the totals, as its visibility lets the reader see it. No
 * coordinates: a map preview comes from workout-service's privacy-trimmed endpoints by {@code
 * workoutId}.
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
    boolean youGaveKudos) {

  /** The athlete whose workout it is. */
  record Athlete(UUID athleteId, @Nullable String displayName, @Nullable String avatarUrl) {}
}
