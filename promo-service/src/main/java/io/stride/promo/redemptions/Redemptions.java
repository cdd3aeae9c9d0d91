package io.stride.promo.redemptions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.platform.idempotency.IdempotencyKeys;
import io.stride.platform.web.TooManyRequestsException;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.codes.CodeFormat;
import io.stride.promo.codes.CodeKey;
import io.stride.promo.codes.Codes;
import io.stride.promo.codes.PromoCode;
import io.stride.promo.offers.CampaignEligibility;
import io.stride.promo.rewards.Refusal;
import io.stride.promo.rewards.RewardGrants;
import io.stride.promo.rewards.RewardViews;
import io.stride.promo.rewards.RewardViews.RewardView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redeeming a code: throttled guesses first, then, in one transaction, the Idempotency-Key (a retry
 * gets the first answer), the code, the campaign's window and state, the athlete's eligibility, and
 * the grant with all its limits (ADR 0034).
 */
@Service
class Redemptions {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH);

  private final GuessThrottle throttle;
  private final IdempotencyKeys idempotency;
  private final Codes codes;
  private final CodeKey key;
  private final Campaigns campaigns;
  private final CampaignEligibility eligibility;
  private final RewardGrants grants;
  private final RewardViews views;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Timer timer;

  Redemptions(
      GuessThrottle throttle,
      IdempotencyKeys idempotency,
      Codes codes,
      CodeKey key,
      Campaigns campaigns,
      CampaignEligibility eligibility,
      RewardGrants grants,
      RewardViews views,
      TransactionTemplate transaction,
      Clock clock,
      MeterRegistry meters) {
    this.throttle = throttle;
    this.idempotency = idempotency;
    this.codes = codes;
    this.key = key;
    this.campaigns = campaigns;
    this.eligibility = eligibility;
    this.grants = grants;
    this.views = views;
    this.transaction = transaction;
    this.clock = clock;
    this.meters = meters;
    this.timer =
        Timer.builder("stride_promo_redemption_seconds")
            .description("Time to redeem a code, whatever the outcome")
            .publishPercentileHistogram()
            .register(meters);
  }

  RewardView redeem(UUID user, String address, String typed, String idempotencyKey, Locale locale) {
    return timer.record(
        () -> {
          try {
            throttle.check(user, address);
            UUID id =
                transaction.execute(
                    status -> {
                      Optional<String> normalized = CodeFormat.normalize(typed);
                      return idempotency.createOnce(
                          user,
                          "redemption",
                          idempotencyKey,
                          normalized.orElse(typed),
                          () -> grant(user, address, normalized));
                    });
            outcome("granted");
            return views.one(user, id, locale);
          } catch (Refusal refusal) {
            outcome(refusal.outcome());
            throw refusal;
          } catch (TooManyRequestsException throttled) {
            outcome("throttled");
            throw throttled;
          }
        });
  }

  /** {@code normalized} is empty for what cannot be a code at all. */
  private UUID grant(UUID user, String address, Optional<String> normalized) {
    PromoCode code = normalized.flatMap(n -> codes.find(key.hash(n))).orElse(null);
    if (code == null) {
      throttle.wrong(user, address);
      throw Refusal.unknownCode();
    }
    Campaign campaign = campaigns.find(code.campaignId()).orElseThrow();
    Instant now = clock.instant();
    switch (campaign.status(now)) {
      case "draft", "scheduled" -> throw Refusal.notYetValid(local(campaign, campaign.startsAt()));
      case "ended" -> throw Refusal.expired(local(campaign, campaign.endsAt()));
      case "paused" -> throw Refusal.paused();
      default -> {}
    }
    // cheap refusals first, without a lock: a code or budget used up stays used up
    if (code.redeemed() >= code.cap()) {
      throw Refusal.usedUp();
    }
    if (campaign.rewardsLeft() <= 0) {
      throw Refusal.budgetUsedUp();
    }
    List<String> reasons = eligibility.refusals(campaign, user, now);
    if (!reasons.isEmpty()) {
      throw Refusal.notEligible(reasons);
    }
    return grants.grant(campaign, user, "code", code, now);
  }

  private static String local(Campaign campaign, Instant at) {
    return WHEN.format(at.atZone(ZoneId.of(campaign.timeZone())))
        + " ("
        + campaign.timeZone()
        + ")";
  }

  private void outcome(String outcome) {
    Counter.builder("stride_promo_redemptions_total")
        .description("Code redemptions by outcome")
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }
}
