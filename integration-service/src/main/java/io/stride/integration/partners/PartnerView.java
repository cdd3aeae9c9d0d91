package io.stride.integration.partners;

import io.stride.integration.config.IntegrationApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A partner as the admin API shows it. */
public record PartnerView(
    UUID id,
    String name,
    String contactEmail,
    @Schema(ref = IntegrationApiDocs.PARTNER_KIND) String kind,
    List<String> scopes,
    @Nullable String clientId,
    Instant createdAt,
    Instant updatedAt) {}
