package io.stride.workout.privacy;

import java.util.UUID;

/**
 * A zone as the hiding needs it: the centre and radius the athlete chose (never shown to anyone
 * else) and its {@link ZoneSecret}, which places the hidden centre and varies the hidden radius.
 */
record Zone(UUID id, double latitude, double longitude, int radiusMeters, ZoneSecret secret) {}
