package io.stride.workout.privacy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A zone to hide: its centre (degrees), radius (200–1600 m) and an optional label ("Home"). */
record PrivacyZoneRequest(
    @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
    @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
    @NotNull @Min(200) @Max(1600) Integer radiusMeters,
    @Size(max = 80) @Nullable String label) {}
