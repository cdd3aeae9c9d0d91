package io.stride.contracts.promo;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An athlete redeemed a promo code: sent once per redemption, in the transaction that counted it
 * against the code's cap and the campaign's budget; its reward follows as {@link RewardGranted}.
 *
 * @param codeKind {@code single-use} or {@code shared}
 */
@EventType(name = "PromoRedeemed", version = 1)
public record PromoRedeemed(
    UUID userId,
    UUID redemptionId,
    UUID campaignId,
    String campaignName,
    String codeKind,
    Instant redeemedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
