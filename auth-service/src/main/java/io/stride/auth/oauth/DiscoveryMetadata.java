package io.stride.auth.oauth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadataClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

/**
 * What {@code /.well-known/openid-configuration} and {@code
 * /.well-known/oauth-authorization-server} say, corrected to what is true for Stride (ADR 0014).
 * Spring Authorization Server's defaults advertise features our clients cannot use: mutual-TLS
 * client authentication and certificate-bound tokens, DPoP and JWT client assertions (nothing of
 * this reaches us through the gateway, and no client is registered for it), the token-exchange
 * grant (no client holds it), and only {@code openid} as scope. Here: every scope the registry can
 * grant, the grant types of the configured clients, the client authentication methods that work
 * ({@code none} for our public clients), the claims we issue, and the one response mode we answer
 * with.
 */
final class DiscoveryMetadata {

  private static final String MTLS_ENDPOINT_ALIASES = "mtls_endpoint_aliases";

  /** Claims of our ID tokens and userinfo responses (with {@link StandardClaims#NAMES}). */
  private static final List<String> PROTOCOL_CLAIMS =
      List.of(
          IdTokenClaimNames.ISS,
          StandardClaimNames.SUB,
          IdTokenClaimNames.AUD,
          IdTokenClaimNames.EXP,
          IdTokenClaimNames.IAT,
          "jti",
          IdTokenClaimNames.AUTH_TIME,
          IdTokenClaimNames.NONCE,
          IdTokenClaimNames.AZP,
          StrideTokenClaims.SID);

  /** How confidential clients authenticate (ClientRegistrar registers both). */
  private static final List<String> SECRET_METHODS =
      List.of(
          ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(),
          ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());

  /** ... and public ones, by client_id alone ({@link PublicClientTokenRequests}). */
  private static final List<String> ALL_METHODS =
      Stream.concat(SECRET_METHODS.stream(), Stream.of(ClientAuthenticationMethod.NONE.getValue()))
          .toList();

  private final Set<String> scopes;
  private final Set<String> grantTypes;

  DiscoveryMetadata(ScopeRegistry scopes, AuthProperties properties) {
    this.scopes = scopes.names();
    this.grantTypes = new TreeSet<>();
    properties.clients().values().stream()
        .filter(AuthProperties.Client::isEnabled)
        .forEach(client -> grantTypes.addAll(client.grantTypes()));
  }

  void correctOpenIdConfiguration(OidcProviderConfiguration.Builder configuration) {
    configuration.claims(
        claims -> {
          correctCommon(claims);
          claims.put(
              "claims_supported",
              new ArrayList<>(
                  Stream.concat(PROTOCOL_CLAIMS.stream(), StandardClaims.NAMES.stream()).toList()));
          // OIDC's request_uri (a request object the server fetches) is not supported
          claims.put("request_uri_parameter_supported", false);
        });
  }

  void correctServerMetadata(OAuth2AuthorizationServerMetadata.Builder metadata) {
    metadata.claims(this::correctCommon);
  }

  private void correctCommon(Map<String, Object> claims) {
    claims.remove(
        OAuth2AuthorizationServerMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS);
    claims.remove(OAuth2AuthorizationServerMetadataClaimNames.DPOP_SIGNING_ALG_VALUES_SUPPORTED);
    claims.remove(MTLS_ENDPOINT_ALIASES);
    claims.put(
        OAuth2AuthorizationServerMetadataClaimNames.TOKEN_ENDPOINT_AUTH_METHODS_SUPPORTED,
        new ArrayList<>(ALL_METHODS));
    // public clients revoke their own tokens (sign-out); introspection is for confidential ones
    claims.put(
        OAuth2AuthorizationServerMetadataClaimNames.REVOCATION_ENDPOINT_AUTH_METHODS_SUPPORTED,
        new ArrayList<>(ALL_METHODS));
    claims.put(
        OAuth2AuthorizationServerMetadataClaimNames.INTROSPECTION_ENDPOINT_AUTH_METHODS_SUPPORTED,
        new ArrayList<>(SECRET_METHODS));
    claims.put(
        OAuth2AuthorizationServerMetadataClaimNames.GRANT_TYPES_SUPPORTED,
        new ArrayList<>(grantTypes));
    claims.put(
        OAuth2AuthorizationServerMetadataClaimNames.SCOPES_SUPPORTED, new ArrayList<>(scopes));
    claims.put("response_modes_supported", new ArrayList<>(List.of("query")));
  }
}
