package io.stride.auth.clients;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A partner's OAuth client as an administrator registers or changes it.
 *
 * @param clientId the id the partner's app sends: 3 to 64 of a-z, 0-9, '.', '_', '-', starting with
 *     a letter or digit; only when registering (a change keeps the id)
 * @param grantTypes {@code client_credentials} (its server calls with its own token) and/or {@code
 *     authorization_code} (it acts for athletes who approve it on the consent page; refresh tokens
 *     come with it)
 * @param redirectUris where codes may be sent: https, or http to a loopback address; needed with
 *     {@code authorization_code}
 * @param scopes what it may ask for: scopes of the catalog, never an administrator's
 */
record ClientRequest(
    @Schema(example = "acme-coaching") @Nullable @Size(max = 64) String clientId,
    @Schema(example = "Acme Coaching") @NotBlank @Size(max = 100) String name,
    @NotEmpty @Size(max = 2) List<@NotBlank @Size(max = 40) String> grantTypes,
    @Nullable @Size(max = 10) List<@NotBlank @Size(max = 2000) String> redirectUris,
    @NotEmpty @Size(max = 40) List<@NotBlank @Size(max = 100) String> scopes) {}
