package io.stride.social.clubs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member of a club (or one who asked to join), since when. */
record ClubMember(
    UUID athleteId,
    @Nullable String displayName,
    @Nullable String avatarUrl,
    @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role,
    Instant since) {}
