package io.stride.promo.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule engine: a campaign's regions and rules against an athlete's facts. Every rule that does
 * not hold gives its reason, so the athlete learns all that stands in the way at once.
 */
public final class Eligibility {

  private Eligibility() {}

  /**
   * Why the athlete may not have the campaign's reward; empty when they may.
   *
   * @param campaignRegions the campaign's regions (a country covers its subdivisions)
   * @param promotionsOn whether promotions are on in the athlete's region (its {@code promos} flag)
   */
  public static List<String> refusals(
      List<String> campaignRegions,
      boolean promotionsOn,
      List<Rule> rules,
      AthleteFacts athlete,
      Instant now,
      RegionNames names) {
    List<String> reasons = new ArrayList<>();
    if (!RegionRule.covers(campaignRegions, athlete.region())) {
      reasons.add(
          athlete.region() == null
              ? "only for athletes who have set their region in their profile (offered in "
                  + Texts.either(campaignRegions.stream().map(names::nameOf).toList())
                  + ")"
              : new RegionRule(campaignRegions).refusal(athlete, now, names).orElseThrow());
    } else if (!promotionsOn) {
      reasons.add("promotions are not offered in " + names.nameOf(athlete.region()));
    }
    for (Rule rule : rules) {
      rule.refusal(athlete, now, names).ifPresent(reasons::add);
    }
    return reasons;
  }
}
