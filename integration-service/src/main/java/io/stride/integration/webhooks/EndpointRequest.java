package io.stride.integration.webhooks;

import io.stride.integration.config.IntegrationApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook endpoint as an administrator writes it: where (https, a public address), which event
 * types, and whether it is on (default on). Turning a disabled endpoint on again resumes its queue.
 */
record EndpointRequest(
    @Schema(example = "https://hooks.acme.example/stride") @NotBlank @Size(max = 2000) String url,
    @ArraySchema(schema = @Schema(ref = IntegrationApiDocs.WEBHOOK_EVENT_TYPE))
        @NotEmpty
        @Size(max = 4)
        List<@NotBlank @Size(max = 40) String> eventTypes,
    @Schema(description = "default true", example = "true") @Nullable Boolean enabled) {}
