package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The athlete has recorded at least one workout of one of {@code anyOf} (sport wire names). */
@Schema(name = "SportsRule")
public record SportsRule(
    @Schema(example = "[\"run\", \"ride\"]") @NotEmpty @Size(max = 20)
        List<@Pattern(regexp = "[a-z_]{2,32}") String> anyOf)
    implements Rule {

  @Override
  public Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames regions) {
    if (anyOf.stream().anyMatch(athlete.sports()::contains)) {
      return Optional.empty();
    }
    return Optional.of(
        "only for athletes who have recorded "
            + Texts.either(anyOf.stream().map(sport -> "a " + sport.replace('_', ' ')).toList()));
  }
}
