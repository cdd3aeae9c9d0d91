package io.stride.promo.offers;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.NotFoundException;
import io.stride.promo.athletes.AthleteCopies;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.rules.AthleteFacts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Promotions as athletes see them: the live ones in their region, and any live one by id, each
 * saying whether the caller qualifies and, if not, why. Drafts and scheduled ones are not shown.
 */
@Tag(name = "Promotions")
@RestController
@Validated
@RequestMapping("/api/v1/promo/campaigns")
class OffersController {

  private final Campaigns campaigns;
  private final AthleteCopies athletes;
  private final CampaignEligibility eligibility;
  private final Clock clock;

  OffersController(
      Campaigns campaigns, AthleteCopies athletes, CampaignEligibility eligibility, Clock clock) {
    this.campaigns = campaigns;
    this.athletes = athletes;
    this.eligibility = eligibility;
    this.clock = clock;
  }

  @Operation(
      operationId = "listPromotions",
      summary = "Live promotions in the caller's region, soonest ending first")
  @GetMapping
  Page<Offer> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    AthleteFacts athlete = athletes.facts(user.id());
    if (athlete.region() == null) {
      return Page.empty();
    }
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    Instant now = clock.instant();
    List<Campaign> fetched =
        campaigns.liveIn(
            athlete.region(),
            now,
            after == null ? Instant.EPOCH : after.endsAt(),
            after == null ? new UUID(0, 0) : after.id(),
            limit + 1);
    Locale locale = LocaleContextHolder.getLocale();
    return Page.of(
        fetched.stream().map(c -> offer(c, athlete, now, locale)).toList(),
        limit,
        offer -> Cursor.of(offer.endsAt(), offer.id()));
  }

  @Operation(
      operationId = "getPromotion",
      summary = "A live promotion, and whether the caller qualifies")
  @ApiResponse(responseCode = "200", description = "The promotion", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such live promotion")
  @GetMapping("/{campaignId}")
  Offer get(CurrentUser user, @PathVariable UUID campaignId) {
    Instant now = clock.instant();
    Campaign campaign =
        campaigns
            .find(campaignId)
            .filter(c -> c.isLive(now))
            .orElseThrow(() -> new NotFoundException("No live promotion " + campaignId + "."));
    return offer(campaign, athletes.facts(user.id()), now, LocaleContextHolder.getLocale());
  }

  private Offer offer(Campaign c, AthleteFacts athlete, Instant now, Locale locale) {
    List<String> reasons = eligibility.refusals(c, athlete, now);
    return new Offer(
        c.id(),
        Campaign.localized(c.name(), locale),
        Campaign.localized(c.description(), locale),
        c.startsAt(),
        c.endsAt(),
        c.reward().kind(),
        c.reward().days(),
        c.reward().partner(),
        c.reward().badgeTitle(),
        c.trigger() == null ? null : c.trigger().event(),
        reasons.isEmpty(),
        reasons);
  }

  /**
   * @param trigger what grants it by itself (no code needed), or null for a code promotion
   * @param reasons why the caller does not qualify, in words; empty when eligible
   */
  record Offer(
      UUID id,
      String name,
      String description,
      Instant startsAt,
      Instant endsAt,
      @Schema(allowableValues = {"premium-days", "partner-coupon", "badge"}) String reward,
      @Nullable Integer premiumDays,
      @Nullable String partner,
      @Nullable String badgeTitle,
      @Nullable String trigger,
      boolean eligible,
      List<String> reasons) {}

  private record After(Instant endsAt, UUID id) {}
}
