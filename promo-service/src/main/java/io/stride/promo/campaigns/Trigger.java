package io.stride.promo.campaigns;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What grants the reward by itself, once per athlete, while the campaign is live: the athlete's
 * {@code first-workout}, a {@code daily-streak} reaching {@code days}, or completing a {@code
 * sponsored-challenge} (a gamification challenge whose campaign is this one).
 */
@Schema(name = "Trigger")
public record Trigger(
    @Schema(
            example = "daily-streak",
            allowableValues = {"first-workout", "daily-streak", "sponsored-challenge"})
        @NotNull
        @Pattern(regexp = "first-workout|daily-streak|sponsored-challenge")
        String event,
    @Schema(example = "30") @Min(2) @Max(3650) @Nullable Integer days) {

  public static final String FIRST_WORKOUT = "first-workout";
  public static final String DAILY_STREAK = "daily-streak";
  public static final String SPONSORED_CHALLENGE = "sponsored-challenge";
}
