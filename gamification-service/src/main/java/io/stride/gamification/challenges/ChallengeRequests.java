package io.stride.gamification.challenges;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What admins send to create and change challenges. */
final class ChallengeRequests {

  private ChallengeRequests() {}

  /**
   * A new challenge. {@code region} goes with scope {@code region}, {@code clubId} with scope
   * {@code club}; {@code campaignId} only with {@code sponsored}.
   */
  record NewChallenge(
      @Schema(example = "Run 100 km in December") @NotBlank @Size(max = 120) String title,
      @Schema(example = "Every run of the month counts, outdoors or on the treadmill")
          @Size(max = 2000)
          @Nullable String description,
      @Schema(
              example = "distance",
              allowableValues = {"distance", "moving_time", "count", "elevation"})
          @NotNull
          @Pattern(regexp = "distance|moving_time|count|elevation")
          String goal,
      @Schema(
              example = "100000",
              description = "meters for distance and elevation, seconds for moving_time")
          @NotNull
          @Min(1)
          @Max(1_000_000_000)
          Long target,
      @Schema(example = "run", description = "only workouts of this sport count; any when absent")
          @Pattern(regexp = "[a-z][a-z_]{0,31}")
          @Nullable String sport,
      @Schema(example = "Europe/Berlin") @NotBlank @Size(max = 64) String timeZone,
      @Schema(example = "2026-12-01") @NotNull LocalDate startsOn,
      @Schema(example = "2026-12-31", description = "the last day, inclusive") @NotNull
          LocalDate endsOn,
      @Schema(
              example = "everyone",
              allowableValues = {"everyone", "region", "club"})
          @NotNull
          @Pattern(regexp = "everyone|region|club")
          String scope,
      @Schema(example = "DE-BY", description = "with scope region")
          @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?")
          @Nullable String region,
      @Schema(example = "1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809", description = "with scope club")
          @Nullable UUID clubId,
      @Schema(example = "false", description = "false when absent") @Nullable Boolean sponsored,
      @Schema(example = "winter-run-2026", description = "the promo campaign of a sponsored one")
          @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
          @Nullable String campaignId) {

    boolean isSponsored() {
      return Boolean.TRUE.equals(sponsored);
    }
  }

  /** What may change once a challenge exists; absent fields stay as they are. */
  record ChallengeChanges(
      @Schema(example = "Run 100 km before the holidays") @Size(min = 1, max = 120)
          @Nullable String title,
      @Schema(example = "Every run until 24 December counts") @Size(max = 2000)
          @Nullable String description,
      @Schema(example = "true") @Nullable Boolean sponsored,
      @Schema(example = "winter-run-2026") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
          @Nullable String campaignId) {}
}
