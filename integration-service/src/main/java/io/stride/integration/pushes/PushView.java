package io.stride.integration.pushes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A pushed activity and what became of it: {@code accepted} (workout-service is importing it),
 * {@code done} (a new workout), {@code duplicate} (a workout the athlete had already: nothing
 * recorded twice) or {@code failed} (the file could not become a workout; {@code reason} says why).
 *
 * @param workoutId the workout recorded, or the one the file duplicates
 */
record PushView(
    UUID id,
    UUID athleteId,
    String externalId,
    @Nullable String fileName,
    @Schema(allowableValues = {"accepted", "done", "duplicate", "failed"}) String status,
    @Nullable UUID workoutId,
    @Nullable String reason,
    Instant receivedAt,
    @Nullable Instant finishedAt) {}
