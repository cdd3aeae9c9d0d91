package io.stride.workout.gear;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A change to a piece of gear; absent fields stay as they are. */
record UpdateGearRequest(
    @Size(min = 1, max = 100) @Schema(example = "Trail shoes (old pair)") @Nullable String name,
    @Size(max = 100) @Schema(example = "Hoka") @Nullable String brand,
    @Size(max = 100) @Schema(example = "Speedgoat 6") @Nullable String model,
    @Size(max = 12)
        @ArraySchema(
            schema = @Schema(ref = WorkoutApiDocs.SPORT),
            arraySchema =
                @Schema(
                    description = "Replaces the sports it is the default for; [] for none",
                    example = "[\"run\"]"))
        @Nullable List<String> defaultFor,
    @Schema(
            description = "false brings retired gear back; true retires it today (or on retiredOn)",
            example = "true")
        @Nullable Boolean retired,
    @Schema(description = "Retired from this day on", example = "2026-11-30")
        @Nullable LocalDate retiredOn,
    @PositiveOrZero
        @Max(100_000_000)
        @Schema(
            description =
                "Remind me when its distance reaches this, metres; 0 switches the reminder off",
            example = "800000")
        @Nullable Double reminderMeters) {}
