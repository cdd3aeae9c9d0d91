package io.stride.social.graph;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An athlete as the caller sees them: the card, how many follow them and whom they follow ({@code
 * null} where a private account hides its connections from the caller), and where the caller stands
 * with them.
 */
record AthleteView(
    UUID athleteId,
    String displayName,
    @Nullable String avatarUrl,
    boolean accountPrivate,
    @Nullable Long followers,
    @Nullable Long following,
    @Schema(
            description = "The caller's follow of this athlete",
            allowableValues = {"SELF", "FOLLOWING", "REQUESTED", "NONE"})
        String relation,
    @Schema(description = "Whether this athlete follows the caller") boolean followsYou,
    @Schema(description = "Whether the caller muted this athlete") boolean muted) {}
