package io.stride.promo.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The athlete's profile region is one of {@code regions}; a country matches its subdivisions
 * ({@code DE} holds an athlete in {@code DE-BY}), a subdivision only itself.
 */
@Schema(name = "RegionRule")
public record RegionRule(
    @Schema(example = "[\"DE\", \"AT\"]") @NotEmpty @Size(max = 50)
        List<@Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String> regions)
    implements Rule {

  @Override
  public Optional<String> refusal(AthleteFacts athlete, Instant now, RegionNames names) {
    if (covers(regions, athlete.region())) {
      return Optional.empty();
    }
    return Optional.of(
        "only for athletes in " + Texts.either(regions.stream().map(names::nameOf).toList()));
  }

  /** Whether a region list holds {@code region} itself or its country. */
  public static boolean covers(List<String> regions, String region) {
    if (region == null) {
      return false;
    }
    String country = region.length() > 2 ? region.substring(0, 2) : region;
    return regions.contains(region) || regions.contains(country);
  }
}
