package io.stride.auth.clients;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A client with its new secret, shown this once: auth-service keeps only its hash.
 *
 * @param previousSecretExpiresAt after a rotation, until when the replaced secret still works
 */
record NewClientSecretView(
    ClientView client, String clientSecret, @Nullable Instant previousSecretExpiresAt) {}
