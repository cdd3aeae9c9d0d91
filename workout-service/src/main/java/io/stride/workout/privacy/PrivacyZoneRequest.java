package io.stride.workout.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A zone to hide: its centre (degrees), radius (200–1600 m) and an optional label ("Home"). */
record PrivacyZoneRequest(
    @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(example = "51.5079") Double latitude,
    @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(example = "-0.0877") Double longitude,
    @NotNull @Min(200) @Max(1600) @Schema(example = "400") Integer radiusMeters,
    @Size(max = 80) @Schema(example = "Home") @Nullable String label) {}
