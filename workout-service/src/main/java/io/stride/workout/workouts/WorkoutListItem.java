package io.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;

/** A workout in a list: the summary figures, without splits, laps or streams. */
record WorkoutListItem(
    UUID id,
    String sport,
    String title,
    String visibility,
    Instant startTime,
    int elapsedSeconds,
    Integer movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Integer calories,
    Integer averageHeartRate,
    String source) {}
