package io.stride.workout.gear;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new piece of gear. {@code defaultFor}: the sports whose new workouts get it when they name no
 * gear (taking over from the gear that was the default for a sport before).
 */
record CreateGearRequest(
    @NotBlank
        @Schema(
            allowableValues = {"shoes", "bike", "other"},
            example = "shoes")
        String kind,
    @NotBlank @Size(max = 100) @Schema(example = "Trail shoes") String name,
    @Size(max = 100) @Schema(example = "Hoka") @Nullable String brand,
    @Size(max = 100) @Schema(example = "Speedgoat 6") @Nullable String model,
    @Size(max = 12)
        @ArraySchema(
            schema = @Schema(ref = WorkoutApiDocs.SPORT),
            arraySchema = @Schema(example = "[\"trail_run\", \"hike\"]"))
        @Nullable List<String> defaultFor,
    @Schema(
            description = "Retired from this day on: no longer anyone's default",
            example = "2026-11-30")
        @Nullable LocalDate retiredOn,
    @Positive
        @Max(100_000_000)
        @Schema(
            description = "Remind me when its distance reaches this, metres",
            example = "700000")
        @Nullable Double reminderMeters) {}
