package io.stride.recommendation.people;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An athlete suggested to follow, with why.
 *
 * @param score the ranking score (docs/recommendations.md); higher is better
 */
record PersonSuggestion(
    UUID athleteId,
    String displayName,
    @Nullable String avatarUrl,
    double score,
    List<PersonSuggestionReason> reasons) {

  /**
   * @param code {@code friends-in-common}, {@code club} or {@code nearby}
   * @param count friends in common, or clubs shared
   * @param clubId the shared club named in the text
   */
  record PersonSuggestionReason(
      String code, String text, @Nullable Integer count, @Nullable UUID clubId) {}
}
