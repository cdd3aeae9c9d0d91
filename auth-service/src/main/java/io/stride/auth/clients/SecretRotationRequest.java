package io.stride.auth.clients;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * @param expiresInHours how long the replaced secret keeps working (default 168, a week); 0 ends it
 *     at once (a leaked secret)
 */
record SecretRotationRequest(
    @Schema(example = "168") @Min(0) @Max(720) @Nullable Integer expiresInHours) {}
