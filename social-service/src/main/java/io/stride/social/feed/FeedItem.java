package io.stride.social.feed;

import java.time.Instant;
import java.util.UUID;

/**
 * A workout in a feed: who, what, when and the totals, as its visibility lets the reader see it. No
 * coordinates: a map preview comes from workout-service's privacy-trimmed endpoints by {@code
 * workoutId}.
 */
record FeedItem(
    UUID workoutId,
    Athlete athlete,
    String sport,
    String title,
    Instant startTime,
    long elapsedSeconds,
    Long movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    String visibility) {

  /** The athlete whose workout it is. */
  record Athlete(UUID athleteId, String displayName, String avatarUrl) {}
}
