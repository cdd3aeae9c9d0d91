package io.stride.integration.connectors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Which of the server's redirect URIs the platform sends the athlete back to (the first if none).
 */
record AuthorizationRequest(
    @Schema(example = "http://localhost:8080/imports/strava/callback") @Size(max = 500)
        @Nullable String redirectUri) {}
