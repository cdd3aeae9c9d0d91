package io.stride.workout.privacy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One of the caller's privacy zones (only ever shown to its owner). */
record PrivacyZoneResponse(
    UUID id,
    double latitude,
    double longitude,
    int radiusMeters,
    @Nullable String label,
    Instant createdAt) {}
