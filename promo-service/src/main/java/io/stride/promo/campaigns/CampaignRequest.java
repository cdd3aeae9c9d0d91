package io.stride.promo.campaigns;

import io.stride.promo.rules.RuleDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as an admin writes it. Texts are per locale (BCP 47 tags; the first is the fallback);
 * the window is local time in {@code timeZone}, start inclusive, end exclusive.
 */
record CampaignRequest(
    @Schema(example = "{\"en\": \"Winter base miles\", \"de\": \"Winterkilometer\"}")
        @NotEmpty
        @Size(max = 20)
        Map<
                @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?") String,
                @NotBlank @Size(max = 120) String>
            name,
    @Schema(example = "{\"en\": \"30 premium days for a 30-day streak this winter\"}")
        @NotEmpty
        @Size(max = 20)
        Map<
                @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?") String,
                @NotBlank @Size(max = 2000) String>
            description,
    @NotNull @Valid Window window,
    @Schema(example = "[\"DE\", \"AT\"]") @NotEmpty @Size(max = 50)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String> regions,
    @NotNull @Valid Budget budget,
    @NotNull @Size(max = 20) List<@NotNull @Valid RuleDocument> rules,
    @NotNull @Valid Reward reward,
    @Valid @Nullable Trigger trigger,
    @Schema(example = "1", description = "rewards one athlete may get from the campaign; default 1")
        @Min(1)
        @Max(100)
        @Nullable Integer perAthlete) {

  /** Local start and end in the campaign's time zone. */
  record Window(
      @Schema(example = "2026-12-01T00:00:00") @NotNull LocalDateTime starts,
      @Schema(example = "2027-03-01T00:00:00") @NotNull LocalDateTime ends,
      @Schema(example = "Europe/Berlin") @NotBlank @Size(max = 64) String timeZone) {}

  /** At most {@code rewards} grants; and, with {@code money}, at most that much worth. */
  record Budget(
      @Schema(example = "1000") @Min(1) @Max(10_000_000) int rewards,
      @Valid @Nullable Money money) {}
}
