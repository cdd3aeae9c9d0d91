package io.stride.auth.oauth;

import io.stride.auth.oauth.AuthProperties.Client;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Writes the configured clients into the client table at start-up (creating or updating them), so
 * configuration is the source of truth and every replica agrees. Every scope a client may ask for
 * must be one the catalog's services define ({@link ScopeRegistry}).
 */
@Component
class ClientRegistrar implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ClientRegistrar.class);

  private final AuthProperties properties;
  private final RegisteredClientRepository clients;
  private final ScopeRegistry scopes;
  private final JdbcTemplate jdbc;

  ClientRegistrar(
      AuthProperties properties,
      RegisteredClientRepository clients,
      ScopeRegistry scopes,
      JdbcTemplate jdbc) {
    this.properties = properties;
    this.clients = clients;
    this.scopes = scopes;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    properties.clients().forEach(this::register);
  }

  private void register(String clientId, Client client) {
    if (!jdbc.queryForList("select 1 from managed_client where client_id = ?", clientId)
        .isEmpty()) {
      // an administrator registered a partner's client under this id (ADR 0039): overwriting it
      // would hand the partner's athletes to whoever configured it
      throw new IllegalStateException(
          "OAuth2 client '"
              + clientId
              + "' is configured but was registered by an administrator for a partner: choose"
              + " another id for the configured client");
    }
    scopes.requireKnown(clientId, client.scopes());
    requireAdminScopesOnOperatorClientsOnly(clientId, client);
    if (!client.isEnabled()) {
      log.warn("OAuth2 client '{}' has no secret configured; it is disabled", clientId);
      return;
    }
    RegisteredClient existing = clients.findByClientId(clientId);
    RegisteredClient.Builder builder =
        ClientDefinitions.definition(
            existing != null ? existing.getId() : UUID.randomUUID().toString(),
            clientId,
            client,
            properties.accessTokenTtl(),
            client.isPublic() ? null : ClientSecrets.sha256(client.secret()));
    clients.save(builder.build());
    log.info("OAuth2 client '{}' registered ({})", clientId, client.grantTypes());
  }

  /**
   * An {@code *:admin} scope is an operator's: only a confidential client that signs nobody in
   * (client credentials alone) may hold it, so no app an athlete uses can ever ask for it. People
   * who administer Stride hold the role ADMIN instead, in the tokens of first-party apps (ADR
   * 0030).
   */
  static void requireAdminScopesOnOperatorClientsOnly(String clientId, Client client) {
    boolean admin = client.scopes().stream().anyMatch(scope -> scope.endsWith(":admin"));
    boolean operatorClient =
        !client.isPublic()
            && client
                .grantTypes()
                .equals(java.util.List.of(AuthorizationGrantType.CLIENT_CREDENTIALS.getValue()));
    if (admin && !operatorClient) {
      throw new IllegalStateException(
          "OAuth2 client '"
              + clientId
              + "' has an admin scope but signs users in or has no secret: admin scopes belong to"
              + " confidential client-credentials clients only");
    }
  }
}
