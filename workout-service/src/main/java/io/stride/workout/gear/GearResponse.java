package io.stride.workout.gear;

import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A piece of gear with its totals over the workouts that name it. */
record GearResponse(
    UUID id,
    @Schema(allowableValues = {"shoes", "bike", "other"}) String kind,
    String name,
    @Nullable String brand,
    @Nullable String model,
    @ArraySchema(schema = @Schema(ref = WorkoutApiDocs.SPORT)) List<String> defaultFor,
    @Nullable LocalDate retiredOn,
    @Nullable Double reminderMeters,
    @Schema(description = "When the reminder went out; null until the distance reaches it")
        @Nullable Instant remindedAt,
    @Schema(description = "Over all its workouts, metres") double distanceMeters,
    @Schema(description = "Over all its workouts") long movingSeconds,
    long workouts,
    Instant createdAt,
    Instant updatedAt) {}
