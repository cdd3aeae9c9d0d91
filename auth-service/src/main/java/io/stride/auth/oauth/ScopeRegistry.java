package io.stride.auth.oauth;

import io.stride.catalog.ServiceCatalog;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The scopes this authorization server can grant: exactly those the services of the catalog define
 * ({@code services.yml}), with the words a consent page shows for each. A client configured with a
 * scope no service defines stops the start, instead of issuing tokens nothing accepts.
 */
@Component
public class ScopeRegistry {

  private final Map<String, String> scopes;

  ScopeRegistry() {
    this(ServiceCatalog.load());
  }

  ScopeRegistry(ServiceCatalog catalog) {
    this.scopes = Map.copyOf(catalog.scopes());
  }

  public boolean isKnown(String scope) {
    return scopes.containsKey(scope);
  }

  /** What a consent page says the scope lets the client do. */
  String describe(String scope) {
    return scopes.getOrDefault(scope, scope);
  }

  Set<String> names() {
    return new TreeSet<>(scopes.keySet());
  }

  /** Refuses a client whose scopes are not all known. */
  void requireKnown(String clientId, Set<String> requested) {
    Set<String> unknown = new TreeSet<>(requested);
    unknown.removeIf(this::isKnown);
    if (!unknown.isEmpty()) {
      throw new IllegalStateException(
          "OAuth2 client '"
              + clientId
              + "' is configured with scopes no service defines: "
              + unknown
              + " (known: "
              + names()
              + "; scopes are declared in services.yml)");
    }
  }
}
