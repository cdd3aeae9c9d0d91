package io.stride.workout.live;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A device starts recording: its {@code deviceId} (the one it posts readings with), the sport, and
 * optionally when it started (default: now).
 */
record StartLiveWorkoutRequest(
    @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9._:-]+")
        @Schema(example = "forerunner-265:3f9a")
        String deviceId,
    @NotBlank @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    @Schema(example = "2026-11-28T07:30:00Z") @Nullable Instant startTime) {}
