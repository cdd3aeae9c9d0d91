package io.stride.workout.workouts;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
    @Nullable String notes,
    @Schema(ref = WorkoutApiDocs.VISIBILITY) String visibility,
    Instant startTime,
    int elapsedSeconds,
    @Nullable Integer movingSeconds,
    @Nullable Double distanceMeters,
    @Nullable Double elevationGainMeters,
    @Nullable Double elevationLossMeters,
    @Schema(description = "Distance ÷ moving time, m/s") @Nullable Double averageSpeed,
    @Nullable Integer calories,
    @Schema(allowableValues = {"device", "estimated", "manual"}) @Nullable String caloriesSource,
    @Schema(
            description =
                "Time-weighted: each reading holds until the next, pauses and zero readings (a lost"
                    + " strap) left out; tools that show the plain mean of readings differ on"
                    + " irregular recordings")
        @Nullable Integer averageHeartRate,
    @Nullable Integer maxHeartRate,
    @Schema(allowableValues = {"manual", "file", "live"}) String source,
    @Schema(
            description =
                "The recording device's identity, for telling sources apart (its serial number"
                    + " when the file has one)")
        @Nullable String device,
    @Schema(
            description =
                "What recorded it, to show a person: the device (\"Garmin Edge 530\", \"Polar"
                    + " V800\") or, for a GPX file, the app that wrote it (\"Strava\")",
            example = "Garmin Edge 530")
        @Nullable String deviceName,
    @Nullable UUID importId,
    @Schema(
            description =
                "The owner's gear it was done with (GET /api/v1/gear/{id}, the owner only)")
        @Nullable UUID gearId,
    @Schema(description = "How hard the session felt, 1 (very light) to 10 (maximal); Borg CR-10")
        @Nullable Integer perceivedEffort,
    @Schema(
            types = "object",
            description =
                "Splits, best efforts, heart-rate zones and averages (docs/metrics.md). Averages"
                    + " of heart rate, cadence, power and temperature are time-weighted over"
                    + " recording time; heart rate and cadence leave zeros out, power counts them"
                    + " (coasting is 0 W)")
        @Nullable JsonNode metrics,
    @Schema(
            types = "object",
            description = "What the device itself computed, where the file carried it")
        @Nullable JsonNode deviceTotals,
    @Schema(types = "array", description = "The laps the device recorded") @Nullable JsonNode laps,
    Instant createdAt,
    Instant updatedAt) {}
