package io.stride.workout.workouts;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change to a workout; absent fields stay as they are. Figures recorded by a device do not change
 * here.
 */
record UpdateWorkoutRequest(
    @Size(min = 1, max = 200) @Schema(example = "Long run, felt strong") @Nullable String title,
    @Size(max = 10_000) @Schema(example = "Negative split, last 5k at tempo")
        @Nullable String notes,
    @Schema(ref = WorkoutApiDocs.SPORT) @Nullable String sport,
    @Schema(ref = WorkoutApiDocs.VISIBILITY) @Nullable String visibility,
    @Min(0)
        @Max(10)
        @Schema(
            description =
                "How hard the session felt, 1 (very light) to 10 (maximal) on the Borg CR-10"
                    + " scale; 0 removes the rating",
            example = "6")
        @Nullable Integer perceivedEffort) {}
