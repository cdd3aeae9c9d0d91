package io.stride.social.interactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A comment as the reader sees it: author, plain text, the athletes it mentions, when. */
record CommentResponse(
    UUID commentId,
    UUID workoutId,
    Athlete author,
    String text,
    List<Athlete> mentions,
    Instant createdAt,
    @Nullable Instant editedAt) {

  /** An athlete by id, name and picture. */
  record Athlete(UUID athleteId, @Nullable String displayName, @Nullable String avatarUrl) {}
}
