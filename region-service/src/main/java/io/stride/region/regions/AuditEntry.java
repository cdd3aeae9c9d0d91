package io.stride.region.regions;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One change of a region's stored settings.
 *
 * @param actor {@code client:<id>} or {@code user:<id>} of the token that made it
 * @param before what was stored before ({@code null} when it was created)
 * @param after what was stored after
 */
record AuditEntry(
    long id,
    String code,
    Instant changedAt,
    String actor,
    String action,
    @Nullable JsonNode before,
    JsonNode after) {}
