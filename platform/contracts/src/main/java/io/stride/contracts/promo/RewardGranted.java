package io.stride.contracts.promo;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign's reward now belongs to the athlete: sent once per grant, within the campaign's
 * budget. Partner coupon codes themselves stay in promo-service (the athlete reads them there).
 *
 * @param reward {@code premium-days}, {@code partner-coupon} or {@code badge}
 * @param cause {@code code} (a redeemed code), or the trigger that fired: {@code first-workout},
 *     {@code daily-streak}, {@code sponsored-challenge}
 * @param premiumDays the days granted, for {@code premium-days}; else null
 * @param premiumUntil the end of the athlete's premium after this grant, for {@code premium-days}
 * @param partner the coupon's partner, for {@code partner-coupon}
 * @param badge the badge's wire name, for {@code badge} (gamification-service awards it)
 * @param badgeTitle the badge's title, for {@code badge}
 */
@EventType(name = "RewardGranted", version = 1)
public record RewardGranted(
    UUID userId,
    UUID grantId,
    UUID campaignId,
    String campaignName,
    String reward,
    String cause,
    Integer premiumDays,
    Instant premiumUntil,
    String partner,
    String badge,
    String badgeTitle,
    Instant grantedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
