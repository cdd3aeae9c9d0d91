package io.stride.promo.reports;

import io.stride.platform.web.NotFoundException;
import io.stride.promo.campaigns.Campaign;
import io.stride.promo.campaigns.Campaigns;
import io.stride.promo.codes.Codes;
import io.stride.promo.codes.Coupons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's report for admins: what was granted and redeemed, what the budget has left. */
@Tag(name = "Promotion admin")
@RestController
class CampaignReports {

  private final Campaigns campaigns;
  private final Codes codeTable;
  private final Coupons coupons;
  private final JdbcClient jdbc;
  private final Clock clock;

  CampaignReports(
      Campaigns campaigns, Codes codeTable, Coupons coupons, JdbcClient jdbc, Clock clock) {
    this.campaigns = campaigns;
    this.codeTable = codeTable;
    this.coupons = coupons;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Operation(
      operationId = "getCampaignReport",
      summary = "Granted, redeemed and budget left, with grants by cause and codes by kind")
  @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @GetMapping("/api/v1/promo/admin/campaigns/{campaignId}/report")
  Report report(@PathVariable UUID campaignId) {
    Campaign c =
        campaigns
            .find(campaignId)
            .orElseThrow(() -> new NotFoundException("No campaign " + campaignId + "."));
    Map<String, Integer> byCause = new TreeMap<>();
    jdbc.sql("select cause, count(*) from reward_grant where campaign_id = ? group by cause")
        .param(campaignId)
        .query((RowCallbackHandler) rs -> byCause.put(rs.getString(1), rs.getInt(2)));
    Map<String, CodeCounts> codes = new TreeMap<>();
    codeTable
        .countsByKind(campaignId)
        .forEach(
            (kind, n) -> codes.put(kind, new CodeCounts(n.codes(), n.allowed(), n.redeemed())));
    Instant now = clock.instant();
    return new Report(
        c.id(),
        c.status(now),
        c.granted(),
        (int) codes.values().stream().mapToLong(CodeCounts::redeemed).sum(),
        byCause,
        c.budgetRewards(),
        c.rewardsLeft(),
        c.budgetMoney() == null ? null : c.spent(),
        c.budgetMoney() == null ? null : c.budgetMoney().subtract(c.spent()),
        c.currency(),
        codes,
        c.reward().kind().equals("partner-coupon") ? coupons.available(c.id()) : null,
        now);
  }

  /**
   * @param granted rewards granted in all (the campaign's counter, the budget's measure)
   * @param redeemed code redemptions (the codes' counters)
   * @param grantsByCause grants per cause ({@code code}, or the trigger) still on record (erased
   *     accounts' grants are gone from here, not from {@code granted})
   * @param moneySpent what the granted rewards were worth, with a money budget
   * @param codes per kind: codes made, redemptions they allow, redemptions made
   * @param couponsAvailable partner coupons not given out yet
   */
  record Report(
      UUID campaignId,
      String status,
      int granted,
      int redeemed,
      Map<String, Integer> grantsByCause,
      int budgetRewards,
      int rewardsLeft,
      @Nullable BigDecimal moneySpent,
      @Nullable BigDecimal moneyLeft,
      @Nullable String currency,
      Map<String, CodeCounts> codes,
      @Nullable Integer couponsAvailable,
      Instant at) {}

  record CodeCounts(int codes, long allowed, long redeemed) {}
}
