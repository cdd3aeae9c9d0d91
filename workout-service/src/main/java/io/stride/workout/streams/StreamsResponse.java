package io.stride.workout.streams;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requested streams of a workout as equal-length arrays ({@code null} where the device recorded
 * nothing at that point), downsampled to the resolution asked for.
 */
record StreamsResponse(
    UUID workoutId,
    @Schema(allowableValues = {"low", "medium", "high"}) String resolution,
    int originalPointCount,
    int pointCount,
    @Schema(ref = WorkoutApiDocs.STREAMS) Map<String, List<Double>> streams) {}
