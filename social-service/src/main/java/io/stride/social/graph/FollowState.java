package io.stride.social.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * Where the caller stands with an athlete after asking to follow: {@code FOLLOWING}, or {@code
 * REQUESTED} while a private account has not answered.
 */
record FollowState(
    UUID athleteId,
    @Schema(allowableValues = {"FOLLOWING", "REQUESTED"}) String status,
    Instant since) {

  static FollowState of(UUID athleteId, String followStatus, Instant since) {
    return new FollowState(
        athleteId, "APPROVED".equals(followStatus) ? "FOLLOWING" : "REQUESTED", since);
  }
}
