package io.stride.workout.live;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A live workout: {@code recording}, or {@code finished} with the workout it became. */
record LiveWorkoutResponse(
    UUID id,
    String deviceId,
    @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    String status,
    Instant startedAt,
    Instant finishedAt,
    UUID workoutId) {}
