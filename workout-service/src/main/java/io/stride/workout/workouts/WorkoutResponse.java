package io.stride.workout.workouts;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(ref = WorkoutApiDocs.SPORT) String sport,
    String title,
    String notes,
    @Schema(ref = WorkoutApiDocs.VISIBILITY) String visibility,
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
    @Schema(
            types = "object",
            description = "Splits, best efforts, heart-rate zones and averages (docs/metrics.md)")
        JsonNode metrics,
    @Schema(
            types = "object",
            description = "What the device itself computed, where the file carried it")
        JsonNode deviceTotals,
    @Schema(types = "array", description = "The laps the device recorded") JsonNode laps,
    Instant createdAt,
    Instant updatedAt) {}
