package io.stride.promo.campaigns;

import io.stride.promo.rules.RuleDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Campaigns as admins read them. */
final class CampaignViews {

  private CampaignViews() {}

  record AdminCampaign(
      UUID id,
      Map<String, String> name,
      Map<String, String> description,
      LocalWindow window,
      Instant startsAt,
      Instant endsAt,
      List<String> regions,
      BudgetView budget,
      List<RuleDocument> rules,
      Reward reward,
      @Nullable Trigger trigger,
      int perAthlete,
      @Schema(allowableValues = {"draft", "scheduled", "live", "paused", "ended"}) String status,
      Instant createdAt,
      Instant updatedAt) {

    static AdminCampaign of(Campaign c, Instant now) {
      return new AdminCampaign(
          c.id(),
          c.name(),
          c.description(),
          new LocalWindow(c.localStart(), c.localEnd(), c.timeZone()),
          c.startsAt(),
          c.endsAt(),
          c.regions(),
          new BudgetView(
              c.budgetRewards(),
              c.budgetMoney() == null ? null : new Money(c.budgetMoney(), c.currency()),
              c.granted(),
              c.rewardsLeft(),
              c.budgetMoney() == null ? null : c.spent()),
          c.rules().stream().map(RuleDocument::of).toList(),
          c.reward(),
          c.trigger(),
          c.perAthlete(),
          c.status(now),
          c.createdAt(),
          c.updatedAt());
    }
  }

  record LocalWindow(LocalDateTime starts, LocalDateTime ends, String timeZone) {}

  /**
   * @param rewardsLeft grants the budget still allows (by count, and by money when it has one)
   * @param spent the money granted rewards were worth, when the budget has an amount
   */
  record BudgetView(
      int rewards,
      @Nullable Money money,
      int granted,
      int rewardsLeft,
      @Nullable BigDecimal spent) {}
}
