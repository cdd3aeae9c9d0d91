package io.stride.workout.live;

import java.time.Instant;
import java.util.UUID;

/** A live workout: {@code recording}, or {@code finished} with the workout it became. */
record LiveWorkoutResponse(
    UUID id,
    String deviceId,
    String sport,
    String status,
    Instant startedAt,
    Instant finishedAt,
    UUID workoutId) {}
