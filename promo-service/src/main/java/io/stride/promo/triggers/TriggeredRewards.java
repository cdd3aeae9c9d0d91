package io.stride.promo.triggers;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.offers.CampaignEligibility;
import io.stride.promo.rewards.Refusal;
import io.stride.promo.rewards.RewardGrants;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activity-triggered promotions: when an athlete does what a live campaign's trigger names, the
 * reward is granted by itself, once per athlete (the campaign's per-athlete count), within budget,
 * if the athlete is eligible. A refusal (budget used up, already granted, coupons gone) skips that
 * campaign only: each grant runs in a savepoint of the event's transaction.
 */
@Service
public class TriggeredRewards {

  private static final Logger log = LoggerFactory.getLogger(TriggeredRewards.class);

  private final Campaigns campaigns;
  private final CampaignEligibility eligibility;
  private final RewardGrants grants;
  private final TransactionTemplate savepoint;
  private final Clock clock;
  private final MeterRegistry meters;

  TriggeredRewards(
      Campaigns campaigns,
      CampaignEligibility eligibility,
      RewardGrants grants,
      TransactionTemplate transactions,
      Clock clock,
      MeterRegistry meters) {
    this.campaigns = campaigns;
    this.eligibility = eligibility;
    this.grants = grants;
    this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
    this.savepoint.setPropagationBehavior(TransactionTemplate.PROPAGATION_NESTED);
    this.clock = clock;
    this.meters = meters;
  }

  /** Runs in the inbox transaction of the event that did it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void fired(String event, UUID user, Predicate<Campaign> matches) {
    Instant now = clock.instant();
    for (Campaign campaign : campaigns.liveTriggered(event, now)) {
      if (!matches.test(campaign) || !eligibility.refusals(campaign, user, now).isEmpty()) {
        continue;
      }
      try {
        savepoint.executeWithoutResult(status -> grants.grant(campaign, user, event, null, now));
      } catch (Refusal refusal) {
        Counter.builder("stride_promo_triggers_skipped_total")
            .description("Triggered rewards not granted, by why")
            .tag("outcome", refusal.outcome())
            .register(meters)
            .increment();
        log.debug("Campaign {} not granted to {}: {}", campaign.id(), user, refusal.outcome());
      }
    }
  }

  /** A daily streak of {@code length}: campaigns whose streak trigger it reaches. */
  public static Predicate<Campaign> streakOf(int length) {
    return campaign -> campaign.trigger().days() != null && length >= campaign.trigger().days();
  }

  /** A completed challenge sponsored by {@code campaignId}. */
  public static Predicate<Campaign> sponsoredBy(String campaignId) {
    return campaign -> campaign.id().toString().equalsIgnoreCase(campaignId);
  }
}
