package io.stride.promo.offers;

import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.promo.athletes.AthleteCopies;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.rules.AthleteFacts;
import io.stride.promo.rules.Eligibility;
import io.stride.promo.rules.RegionNames;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A campaign's rules against the athlete's copy and the region copy. */
@Component
public class CampaignEligibility {

  private final AthleteCopies athletes;
  private final RegionSettingsCopy regions;
  private final RegionNames names;

  CampaignEligibility(AthleteCopies athletes, RegionSettingsCopy regions) {
    this.athletes = athletes;
    this.regions = regions;
    this.names = code -> regions.find(code).map(RegionSettingsChanged::name).orElse(code);
  }

  /** Why {@code user} may not have the campaign's reward; empty when they may. */
  public List<String> refusals(Campaign campaign, UUID user, Instant now) {
    return refusals(campaign, athletes.facts(user), now);
  }

  public List<String> refusals(Campaign campaign, AthleteFacts athlete, Instant now) {
    boolean promotionsOn =
        athlete.region() != null
            && regions.find(athlete.region()).map(r -> r.enabled("promos")).orElse(false);
    return Eligibility.refusals(
        campaign.regions(), promotionsOn, campaign.rules(), athlete, now, names);
  }
}
