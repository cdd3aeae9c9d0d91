package io.stride.workout.workouts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Which of the caller's gear a workout was done with. */
record WorkoutGearRequest(
    @NotNull @Schema(example = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f") UUID gearId) {}
