package io.stride.workout.workouts;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One workout with everything computed for it. {@code metrics} holds splits, best efforts,
 * heart-rate zones and averages; {@code deviceTotals} what the device itself computed, shown next
 * to ours where the file carried them; {@code laps} the laps the device recorded.
 */
record WorkoutResponse(
    UUID id,
    UUID ownerId,
    String sport,
    String title,
    String notes,
    String visibility,
    Instant startTime,
    int elapsedSeconds,
    Integer movingSeconds,
    Double distanceMeters,
    Double elevationGainMeters,
    Double elevationLossMeters,
    Double averageSpeed,
    Integer calories,
    String caloriesSource,
    Integer averageHeartRate,
    Integer maxHeartRate,
    String source,
    String device,
    UUID importId,
    JsonNode metrics,
    JsonNode deviceTotals,
    JsonNode laps,
    Instant createdAt,
    Instant updatedAt) {}
