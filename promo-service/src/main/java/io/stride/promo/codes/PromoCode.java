package io.stride.promo.codes;

import java.util.UUID;

/** A stored code (its hash) with its limits and how often it was redeemed. */
public record PromoCode(
    byte[] hash, UUID campaignId, String kind, int cap, int perAthlete, int redeemed) {

  public static final String SINGLE_USE = "single-use";
  public static final String SHARED = "shared";
}
