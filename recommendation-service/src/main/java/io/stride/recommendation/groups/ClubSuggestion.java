package io.stride.recommendation.groups;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A club suggested to join.
 *
 * @param privateClub joining asks the club's admins first
 * @param score the ranking score (docs/recommendations.md); higher is better
 */
record ClubSuggestion(
    UUID clubId,
    String name,
    @Nullable String sport,
    String region,
    boolean privateClub,
    double score,
    List<GroupSuggestionReason> reasons) {}
