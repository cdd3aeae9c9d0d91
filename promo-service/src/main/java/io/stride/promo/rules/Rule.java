package io.stride.promo.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * One eligibility rule of a campaign: data (JSON with a {@code type}), checked against the
 * athlete's facts. A rule that does not hold says why, in words the athlete reads ("only for
 * athletes at level 5 or above"). The rule types and their texts: docs/promotions.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AccountAgeRule.class, name = "account-age"),
  @JsonSubTypes.Type(value = RegionRule.class, name = "region"),
  @JsonSubTypes.Type(value = SportsRule.class, name = "sports"),
  @JsonSubTypes.Type(value = LevelRule.class, name = "level"),
  @JsonSubTypes.Type(value = HasDoneRule.class, name = "has-done"),
  @JsonSubTypes.Type(value = HasNotDoneRule.class, name = "has-not-done")
})
public sealed interface Rule
    permits AccountAgeRule, RegionRule, SportsRule, LevelRule, HasDoneRule, HasNotDoneRule {

  /** Why the athlete does not qualify, or empty when the rule holds. */
  Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames regions);

  /** A rule's own fields that do not fit together, as a message for the field; empty when fine. */
  default Optional<String> problem() {
    return Optional.empty();
  }
}
