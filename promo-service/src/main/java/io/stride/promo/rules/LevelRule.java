package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The athlete's gamification level is at least {@code min} and at most {@code max}. */
@Schema(name = "LevelRule")
public record LevelRule(
    @Schema(example = "5") @Min(1) @Max(1000) @Nullable Integer min,
    @Schema(example = "20") @Min(1) @Max(1000) @Nullable Integer max)
    implements Rule {

  @Override
  public Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames regions) {
    if (min != null && athlete.level() < min) {
      return Optional.of("only for athletes at level " + min + " or above");
    }
    if (max != null && athlete.level() > max) {
      return Optional.of("only for athletes up to level " + max);
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> problem() {
    if (min == null && max == null) {
      return Optional.of("needs min, max or both");
    }
    if (min != null && max != null && min > max) {
      return Optional.of("min must not be above max");
    }
    return Optional.empty();
  }
}
