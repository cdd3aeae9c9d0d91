package io.stride.social.interactions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Someone who gave kudos, and when. */
record KudosGiver(
    UUID athleteId, String displayName, @Nullable String avatarUrl, Instant givenAt) {}
