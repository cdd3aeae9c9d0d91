package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The account is at least {@code minDays} old, or at most {@code maxDays} (new athletes only). An
 * account whose registration the copy has not seen yet is treated as new (age 0).
 */
@Schema(name = "AccountAgeRule")
public record AccountAgeRule(
    @Schema(example = "30") @Min(0) @Max(36_500) @Nullable Integer minDays,
    @Schema(example = "14") @Min(0) @Max(36_500) @Nullable Integer maxDays)
    implements Rule {

  @Override
  public Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames regions) {
    Instant registered = athlete.registeredAt() == null ? now : athlete.registeredAt();
    long age = Duration.between(registered, now).toDays();
    if (minDays != null && age < minDays) {
      return Optional.of(
          "only for athletes whose account is at least " + Texts.days(minDays) + " old");
    }
    if (maxDays != null && age > maxDays) {
      return Optional.of("only for athletes who joined in the last " + Texts.days(maxDays));
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> problem() {
    if (minDays == null && maxDays == null) {
      return Optional.of("needs minDays, maxDays or both");
    }
    if (minDays != null && maxDays != null && minDays > maxDays) {
      return Optional.of("minDays must not be above maxDays");
    }
    return Optional.empty();
  }
}
