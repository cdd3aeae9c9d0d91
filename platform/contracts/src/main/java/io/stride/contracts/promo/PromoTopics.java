package io.stride.contracts.promo;

import io.stride.contracts.Topic;

/** Topics written by promo-service. */
public final class PromoTopics {

  /** Codes redeemed and rewards granted; key = user id, so one athlete's stay in order. */
  public static final Topic REWARDS =
      Topic.of("stride.promo.rewards", "promo-service", PromoRedeemed.class, RewardGranted.class);

  private PromoTopics() {}
}
