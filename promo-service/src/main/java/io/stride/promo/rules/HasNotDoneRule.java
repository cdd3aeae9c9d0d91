package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The athlete has not (yet) done {@code activity}: "for your first workout", "new to a badge". */
@Schema(name = "HasNotDoneRule")
public record HasNotDoneRule(
    @NotNull Activity activity,
    @Schema(example = "early_bird") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") @Nullable String ref,
    @Schema(example = "1") @Min(1) @Max(100_000) @Nullable Integer atLeast)
    implements Rule {

  @Override
  public Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames regions) {
    int times = atLeast == null ? 1 : atLeast;
    return activity.done(athlete, ref, times)
        ? Optional.of("only for athletes who have not yet " + activity.phrase(ref, times))
        : Optional.empty();
  }

  @Override
  public Optional<String> problem() {
    return ActivityChecks.problem(activity, ref, atLeast);
  }
}
