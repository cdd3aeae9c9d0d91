package io.stride.social.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An athlete whose name starts with what was searched, with the caller's follow of them. */
record SearchResult(
    UUID athleteId,
    String displayName,
    @Nullable String avatarUrl,
    boolean accountPrivate,
    @Schema(allowableValues = {"SELF", "FOLLOWING", "REQUESTED", "NONE"}) String relation) {

  static String relation(UUID viewer, UUID athlete, String followStatus) {
    if (viewer.equals(athlete)) {
      return "SELF";
    }
    if (followStatus == null) {
      return "NONE";
    }
    return "APPROVED".equals(followStatus) ? "FOLLOWING" : "REQUESTED";
  }
}
