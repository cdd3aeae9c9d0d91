package io.stride.workout.streams;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requested streams of a workout as equal-length arrays ({@code null} where the device recorded
 * nothing at that point), downsampled to the resolution asked for.
 */
record StreamsResponse(
    UUID workoutId,
    String resolution,
    int originalPointCount,
    int pointCount,
    Map<String, List<Double>> streams) {}
