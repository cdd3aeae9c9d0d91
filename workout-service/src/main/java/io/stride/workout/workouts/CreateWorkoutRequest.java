package io.stride.workout.workouts;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workout entered by hand. Durations in seconds, distances in metres. Title and visibility are
 * optional: the title defaults to the time of day and sport ("Morning Run"), visibility to the
 * athlete's default; gear to the default gear of the sport.
 */
record CreateWorkoutRequest(
    @NotBlank @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    @NotNull @Schema(example = "2026-11-28T07:30:00Z") Instant startTime,
    @NotNull @Max(2_592_000) @PositiveOrZero @Schema(example = "3120") Integer durationSeconds,
    @PositiveOrZero @Max(2_592_000) @Schema(example = "3005") @Nullable Integer movingSeconds,
    @PositiveOrZero @Max(2_000_000) @Schema(example = "10020.5") @Nullable Double distanceMeters,
    @PositiveOrZero @Max(30_000) @Schema(example = "84") @Nullable Double elevationGainMeters,
    @PositiveOrZero @Max(50_000) @Schema(example = "640") @Nullable Integer calories,
    @Size(max = 200) @Schema(example = "Morning Run") @Nullable String title,
    @Size(max = 10_000) @Schema(example = "Easy 10k along the river") @Nullable String notes,
    @Schema(ref = WorkoutApiDocs.VISIBILITY) @Nullable String visibility,
    @Schema(
            description = "The caller's gear it was done with; absent: the sport's default gear",
            example = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
        @Nullable UUID gearId,
    @Min(1)
        @Max(10)
        @Schema(
            description =
                "How hard the session felt, 1 (very light) to 10 (maximal) on the Borg CR-10 scale",
            example = "6")
        @Nullable Integer perceivedEffort) {}
