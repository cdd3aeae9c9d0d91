package io.stride.workout.live;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A live workout: {@code recording}, or {@code finished} with the workout it became. */
record LiveWorkoutResponse(
    UUID id,
    String deviceId,
    @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    @Schema(allowableValues = {"recording", "finished"}) String status,
    Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable UUID workoutId) {}
