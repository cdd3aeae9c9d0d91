package io.stride.integration.webhooks;

import io.stride.integration.config.IntegrationApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as the admin API shows it (never its secrets).
 *
 * @param failingSince the first failed attempt of an unbroken run of failures
 * @param disabledAt when three days of failures disabled it (null when an administrator did)
 */
public record EndpointView(
    UUID id,
    UUID partnerId,
    String url,
    @ArraySchema(schema = @Schema(ref = IntegrationApiDocs.WEBHOOK_EVENT_TYPE))
        List<String> eventTypes,
    boolean enabled,
    @Nullable Instant failingSince,
    @Nullable Instant disabledAt,
    Instant createdAt,
    Instant updatedAt) {}
