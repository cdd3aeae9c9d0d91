package io.stride.workout.workouts;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A workout in a list: the summary figures, without splits, laps or streams. */
record WorkoutListItem(
    UUID id,
    @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    String title,
    @Schema(ref = WorkoutApiDocs.VISIBILITY) String visibility,
    Instant startTime,
    int elapsedSeconds,
    @Nullable Integer movingSeconds,
    @Nullable Double distanceMeters,
    @Nullable Double elevationGainMeters,
    @Nullable Integer calories,
    @Nullable Integer averageHeartRate,
    @Schema(allowableValues = {"manual", "file", "live"}) String source) {}
