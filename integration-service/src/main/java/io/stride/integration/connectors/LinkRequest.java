package io.stride.integration.connectors;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the platform's consent page sent the athlete back with.
 *
 * @param scope the scopes the athlete granted, comma-separated, as the platform sent them
 * @param importSince import activities started after this (default 90 days before now)
 */
record LinkRequest(
    @Schema(example = "6f1c0b7e2a") @NotBlank @Size(max = 200) String code,
    @Schema(example = "Zk3v9XnQb0w") @NotBlank @Size(max = 200) String state,
    @Schema(example = "read,activity:read_all") @NotBlank @Size(max = 500) String scope,
    @Schema(example = "2026-01-01T00:00:00Z") @Nullable Instant importSince) {}
