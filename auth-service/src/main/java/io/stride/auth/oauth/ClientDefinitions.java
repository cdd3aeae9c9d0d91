package io.stride.auth.oauth;

import io.stride.auth.oauth.AuthProperties.Client;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** How a client becomes a {@link RegisteredClient}, the same for configured and registered ones. */
public final class ClientDefinitions {

  private ClientDefinitions() {}

  /**
   * A client as Spring Authorization Server keeps it: PKCE for public clients, consent as asked
   * (always for devices), self-contained access tokens, rotating refresh tokens; {@code
   * storedSecret} the {@link ClientSecrets} form, null for a public client. Used for the configured
   * clients and the ones administrators register.
   */
  public static RegisteredClient.Builder definition(
      String id, String clientId, Client client, Duration accessTokenTtl, String storedSecret) {
    RegisteredClient.Builder builder =
        RegisteredClient.withId(id)
            .clientId(clientId)
            .clientName(client.name() != null ? client.name() : clientId)
            .scopes(scopes -> scopes.addAll(client.scopes()))
            .redirectUris(uris -> uris.addAll(client.redirectUris()))
            .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(client.isPublic())
                    // every device is confirmed by its owner, whatever the configuration says
                    .requireAuthorizationConsent(
                        client.consent()
                            || client
                                .grantTypes()
                                .contains(AuthorizationGrantType.DEVICE_CODE.getValue()))
                    .build())
            .tokenSettings(
                TokenSettings.builder()
                    .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                    .accessTokenTimeToLive(accessTokenTtl)
                    .refreshTokenTimeToLive(client.refreshTokenTtl())
                    .reuseRefreshTokens(false)
                    .deviceCodeTimeToLive(Duration.ofMinutes(10))
                    .build());
    client
        .grantTypes()
        .forEach(type -> builder.authorizationGrantType(new AuthorizationGrantType(type)));
    if (storedSecret == null) {
      builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
    } else {
      builder
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .clientSecret(storedSecret);
    }
    return builder;
  }
}
