package io.stride.auth.clients;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth client: registered by an administrator ({@code managedBy: admin}) or written from the
 * configuration at every start ({@code configuration}: read-only here). Never its secret.
 *
 * @param previousSecretExpiresAt until when the secret replaced by the last rotation still works
 */
record ClientView(
    String clientId,
    String name,
    String managedBy,
    List<String> grantTypes,
    List<String> redirectUris,
    List<String> scopes,
    boolean consent,
    @Nullable Instant previousSecretExpiresAt,
    @Nullable Instant createdAt) {}
