package io.stride.promo.rewards;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.promo.PromoRedeemed;
import io.stride.contracts.promo.RewardGranted;
import io.stride.platform.events.EventPublisher;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.campaigns.Reward;
import io.stride.promo.codes.Codes;
import io.stride.promo.codes.Coupons;
import io.stride.promo.codes.PromoCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a campaign's reward to an athlete, exactly within every limit: the athlete's share of the
 * campaign, the code's per-athlete limit and cap, the campaign's budget. Each limit is a
 * conditional update under its row's lock, so concurrent grants on any number of replicas never
 * exceed it; the hottest limits (a shared code's cap, the campaign's budget) are sharded rows
 * counted last, so their locks are held only until the commit and concurrent grants take different
 * ones. Anything refused rolls the whole grant back (ADR 0034, ADR 0035).
 */
@Service
public class RewardGrants {

  private final JdbcClient jdbc;
  private final Campaigns campaigns;
  private final Codes codes;
  private final Coupons coupons;
  private final Premium premium;
  private final EventPublisher events;
  private final MeterRegistry meters;

  RewardGrants(
      JdbcClient jdbc,
      Campaigns campaigns,
      Codes codes,
      Coupons coupons,
      Premium premium,
      EventPublisher events,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.campaigns = campaigns;
    this.codes = codes;
    this.coupons = coupons;
    this.premium = premium;
    this.events = events;
    this.meters = meters;
  }

  /**
   * Grants the reward; {@code code} is the redeemed code, or null for a trigger ({@code cause}).
   *
   * @return the grant's id (the redemption's, for a code)
   * @throws Refusal when a limit is reached: nothing of the grant is kept
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID grant(
      Campaign campaign, UUID user, String cause, @Nullable PromoCode code, Instant now) {
    if (!countAthlete(campaign, user)) {
      throw Refusal.alreadyRedeemed(false);
    }
    if (code != null && !codes.countUse(code.hash(), user, code.perAthlete())) {
      throw Refusal.alreadyRedeemed(true);
    }
    UUID id = UUID.randomUUID();
    Reward reward = campaign.reward();
    Instant premiumUntil = null;
    UUID coupon = null;
    switch (reward.kind()) {
      case Reward.PREMIUM_DAYS -> premiumUntil = premium.extend(user, reward.days(), now);
      case Reward.PARTNER_COUPON ->
          coupon = coupons.take(campaign.id(), user).orElseThrow(Refusal::budgetUsedUp).id();
      default -> {}
    }
    jdbc.sql(
            "insert into reward_grant (id, campaign_id, user_id, cause, code_hash, code_kind,"
                + " reward, premium_days, premium_until, coupon_id, badge, granted_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            campaign.id(),
            user,
            cause,
            code == null ? null : code.hash(),
            code == null ? null : code.kind(),
            reward.kind(),
            reward.days(),
            premiumUntil == null ? null : Timestamp.from(premiumUntil),
            coupon,
            reward.badge(),
            Timestamp.from(now))
        .update();
    if (code != null) {
      events.publish(
          new PromoRedeemed(user, id, campaign.id(), campaign.defaultName(), code.kind(), now));
    }
    events.publish(
        new RewardGranted(
            user,
            id,
            campaign.id(),
            campaign.defaultName(),
            reward.kind(),
            cause,
            reward.days(),
            premiumUntil,
            reward.partner(),
            reward.badge(),
            reward.badgeTitle(),
            now));
    // the hot rows last: their locks are held from here to the commit only
    if (code != null && !codes.countRedemption(code)) {
      throw Refusal.usedUp();
    }
    if (!campaigns.countReward(campaign.id(), now)) {
      throw Refusal.budgetUsedUp();
    }
    Counter.builder("stride_promo_rewards_granted_total")
        .description("Rewards granted, by reward and by what granted them")
        .tag("reward", reward.kind())
        .tag("cause", cause)
        .register(meters)
        .increment();
    return id;
  }

  private boolean countAthlete(Campaign campaign, UUID user) {
    return jdbc.sql(
                "insert into campaign_athlete (campaign_id, user_id, grants) values (?, ?, 1)"
                    + " on conflict (campaign_id, user_id) do update"
                    + " set grants = campaign_athlete.grants + 1 where campaign_athlete.grants < ?")
            .params(campaign.id(), user, campaign.perAthlete())
            .update()
        == 1;
  }
}
