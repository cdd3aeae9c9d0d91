package io.stride.integration.partners;

import io.stride.integration.config.IntegrationApiDocs;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A partner as an administrator writes it. {@code scopes} are the catalog's scopes the partner's
 * client may be granted; {@code clientId} links an OAuth client auth-service already holds (until
 * integration-service creates partners' clients itself).
 */
record PartnerRequest(
    @Schema(example = "Acme Coaching") @NotBlank @Size(max = 100) String name,
    @Schema(example = "webhooks@acme.example") @NotBlank @Email @Size(max = 254)
        String contactEmail,
    @Schema(ref = IntegrationApiDocs.PARTNER_KIND) @NotBlank String kind,
    @ArraySchema(schema = @Schema(example = "workouts:read")) @NotNull @Size(max = 30)
        List<@NotBlank @Size(max = 64) String> scopes,
    @Schema(example = "acme-coaching", description = "an OAuth client id auth-service holds")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,99}")
        @Nullable String clientId) {}
