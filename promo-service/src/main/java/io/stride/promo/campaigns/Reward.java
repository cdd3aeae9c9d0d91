package io.stride.promo.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign gives: {@code premium-days} ({@code days} of premium, an entitlement this service
 * holds), {@code partner-coupon} (one coupon of the campaign's uploaded pool, from {@code partner})
 * or {@code badge} ({@code badge} with its {@code badgeTitle}, awarded by gamification-service).
 * {@code value} is what one reward is worth, counted against a money budget.
 */
@Schema(name = "Reward")
public record Reward(
    @Schema(
            example = "premium-days",
            allowableValues = {"premium-days", "partner-coupon", "badge"})
        @NotNull
        @Pattern(regexp = "premium-days|partner-coupon|badge")
        String kind,
    @Schema(example = "30") @Min(1) @Max(3660) @Nullable Integer days,
    @Schema(example = "Trail Shoes Co.") @Size(min = 1, max = 80) @Nullable String partner,
    @Schema(example = "winter_base_2026") @Pattern(regexp = "[a-z0-9_]{1,64}")
        @Nullable String badge,
    @Schema(example = "Winter base miles 2026") @Size(min = 1, max = 80)
        @Nullable String badgeTitle,
    @Valid @Nullable Money value) {

  public static final String PREMIUM_DAYS = "premium-days";
  public static final String PARTNER_COUPON = "partner-coupon";
  public static final String BADGE = "badge";
}
