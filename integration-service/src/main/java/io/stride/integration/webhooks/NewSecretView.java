package io.stride.integration.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint's new signing secret, shown in this answer only (and to a repeat of the same creating
 * request with the same Idempotency-Key).
 *
 * @param previousExpiresAt after a rotation: until when the previous secret signs too
 */
record NewSecretView(
    EndpointView endpoint,
    @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
    @Nullable Instant previousExpiresAt) {}
