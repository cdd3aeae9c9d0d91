package io.stride.social.clubs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A club as the caller sees it, with the caller's place in it. */
record ClubResponse(
    UUID clubId,
    String name,
    @Nullable String description,
    @Nullable String sport,
    String region,
    boolean isPrivate,
    @Nullable String avatarUrl,
    long members,
    Instant createdAt,
    @Schema(
            description = "The caller's role, REQUESTED while a request waits, or NONE",
            allowableValues = {"OWNER", "ADMIN", "MEMBER", "REQUESTED", "NONE"})
        String yourRole) {}
