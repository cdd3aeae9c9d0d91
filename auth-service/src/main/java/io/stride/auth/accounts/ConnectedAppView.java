package io.stride.auth.accounts;

import java.time.Instant;
import java.util.List;

/**
 * An app or a device the athlete connected.
 *
 * @param kind {@code app} (signed in through the consent page) or {@code device} (a tracker
 *     connected at /activate; one entry for all devices of the client)
 * @param scopes what it may do, each with the words the consent page showed
 */
record ConnectedAppView(
    String clientId, String name, String kind, List<Scope> scopes, Instant connectedAt) {

  /** A scope granted, and what it allows in words. */
  record Scope(String scope, String description) {}
}
