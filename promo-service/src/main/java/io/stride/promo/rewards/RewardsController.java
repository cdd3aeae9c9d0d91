package io.stride.promo.rewards;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.promo.rewards.RewardViews.RewardView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's rewards and premium. */
@Tag(name = "Rewards")
@RestController
@Validated
@RequestMapping("/api/v1/promo/me")
class RewardsController {

  private final RewardViews views;
  private final Premium premium;
  private final Clock clock;

  RewardsController(RewardViews views, Premium premium, Clock clock) {
    this.views = views;
    this.premium = premium;
    this.clock = clock;
  }

  @Operation(operationId = "listMyRewards", summary = "The caller's rewards, newest first")
  @GetMapping("/rewards")
  Page<RewardView> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return views.mine(user.id(), cursor, limit, LocaleContextHolder.getLocale());
  }

  @Operation(operationId = "getMyReward", summary = "One of the caller's rewards")
  @ApiResponse(responseCode = "200", description = "The reward", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such reward of the caller's")
  @GetMapping("/rewards/{rewardId}")
  RewardView one(CurrentUser user, @PathVariable UUID rewardId) {
    return views.one(user.id(), rewardId, LocaleContextHolder.getLocale());
  }

  @Operation(
      operationId = "getMyPremium",
      summary = "Whether the caller has premium now, and until when")
  @GetMapping("/premium")
  PremiumView premium(CurrentUser user) {
    Instant until = premium.until(user.id()).orElse(null);
    return new PremiumView(until != null && until.isAfter(clock.instant()), until);
  }

  /**
   * @param until the end of premium (also when it has passed), or null when never granted
   */
  record PremiumView(boolean active, @Nullable Instant until) {}
}
