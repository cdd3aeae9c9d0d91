package io.stride.workout.privacy;

import java.time.Instant;
import java.util.UUID;

/** One of the caller's privacy zones (only ever shown to its owner). */
record PrivacyZoneResponse(
    UUID id,
    double latitude,
    double longitude,
    int radiusMeters,
    String label,
    Instant createdAt) {}
