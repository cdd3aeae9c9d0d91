package io.stride.recommendation.groups;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A challenge suggested to join.
 *
 * @param target the goal's amount: meters (distance, elevation), seconds (moving_time) or workouts
 * @param sport the sport that counts, null for every sport
 * @param score the ranking score (docs/recommendations.md); higher is better
 */
record ChallengeSuggestion(
    UUID challengeId,
    String title,
    @Schema(allowableValues = {"distance", "moving_time", "count", "elevation"}) String goal,
    long target,
    @Nullable String sport,
    Instant startsAt,
    Instant endsAt,
    @Schema(allowableValues = {"everyone", "region", "club"}) String scope,
    double score,
    List<GroupSuggestionReason> reasons) {}
