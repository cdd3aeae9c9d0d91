package io.stride.integration.pushes;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request whose signature verified with its partner's push secret, as {@link PushSignatureFilter}
 * hands it to the controller.
 *
 * @param clientId the partner's OAuth client, whose connections say whom it may push for
 * @param bodySha256 hex SHA-256 of the body exactly as signed
 */
record SignedPush(
    UUID partnerId,
    String partnerName,
    @Nullable String clientId,
    List<String> partnerScopes,
    String webhookId,
    String bodySha256) {}
