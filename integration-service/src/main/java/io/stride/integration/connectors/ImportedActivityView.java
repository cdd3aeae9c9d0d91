package io.stride.integration.connectors;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One activity pulled from the platform and what became of it.
 *
 * @param importId the import's id in workout-service
 * @param externalId the activity's id on the platform
 */
record ImportedActivityView(
    UUID importId,
    UUID athleteId,
    String externalId,
    @Nullable String name,
    Instant startTime,
    @Schema(allowableValues = {"accepted", "done", "duplicate", "failed", "skipped"}) String status,
    @Nullable UUID workoutId,
    @Nullable String reason,
    Instant receivedAt,
    @Nullable Instant finishedAt) {}
