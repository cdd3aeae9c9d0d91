package io.stride.integration.connectors;

import java.net.URI;
import java.time.Instant;

/**
 * Where to send the athlete to let Stride read their activities there; the platform sends them back
 * to {@code redirectUri} with {@code code}, {@code state} and {@code scope}, which the app posts to
 * {@code linkImportAccount} before {@code expiresAt}.
 */
record AuthorizationView(
    URI authorizationUrl, String state, String redirectUri, Instant expiresAt) {}
