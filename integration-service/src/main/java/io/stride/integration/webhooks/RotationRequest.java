package io.stride.integration.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/** A secret rotation: how long the previous secret keeps signing (default 168 hours, 0 = not). */
record RotationRequest(
    @Schema(example = "168") @Min(0) @Max(720) @Nullable Integer expiresInHours) {}
