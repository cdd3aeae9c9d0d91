package io.stride.region.regions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new region: a country with every setting, or a subdivision of an existing country with only
 * what it overrides.
 *
 * @param code ISO 3166-1 alpha-2 ({@code LT}) or ISO 3166-2 ({@code DE-HH})
 */
record CreateRegionRequest(
    @NotNull
        @Schema(example = "DE-HH")
        @Pattern(
            regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?",
            message = "must be an ISO 3166-1 or ISO 3166-2 code in capitals")
        String code,
    @NotBlank @Size(max = 100) @Schema(example = "Hamburg") String name,
    @NotNull @Valid RegionSettings settings) {}
