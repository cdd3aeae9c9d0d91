package io.stride.integration.pushes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A partner's new push secret, shown in this answer only: the partner signs its pushes with it.
 *
 * @param previousExpiresAt after a rotation: until when the previous secret verifies too
 */
record PushSecretView(
    UUID partnerId,
    @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
    @Nullable Instant previousExpiresAt) {}
