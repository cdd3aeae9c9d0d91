package io.stride.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lets our own public clients (the mobile app, trackers) use the token endpoint for the grants that
 * carry no PKCE verifier: {@code refresh_token} and the device code grant (including the device
 * authorization request that starts it), and the revocation endpoint (RFC 7009), where the app
 * signs out by revoking its refresh token. Spring Authorization Server authenticates public clients
 * only for PKCE code exchange; here a public client is identified by {@code client_id} and must be
 * registered with method {@code none}; at the token endpoint it must also hold the grant it uses.
 * Safety comes from what the client presents: a refresh token that rotates on every use (reuse
 * revokes the family), a device code the user approved, or — for revocation — the token itself,
 * which must have been issued to that same client (SAS checks; another client's token is refused
 * with {@code invalid_client} and stays valid).
 *
 * <p>A request that names a client but carries no credentials and asks for any other grant is
 * answered here as well, as RFC 6749 §5.2 says: {@code invalid_client} (401) when no public client
 * has that id, {@code unauthorized_client} (400) when the public client may not use the grant. Only
 * the PKCE code exchange is left to the built-in converter.
 */
final class PublicClientTokenRequests {

  private static final Set<String> GRANTS =
      Set.of(
          AuthorizationGrantType.REFRESH_TOKEN.getValue(),
          AuthorizationGrantType.DEVICE_CODE.getValue());

  private PublicClientTokenRequests() {}

  /**
   * Recognizes our public clients' requests and refuses those it cannot allow right here: a refusal
   * thrown by a provider would be overwritten by the built-in PKCE provider's {@code
   * invalid_grant}, because the provider manager goes on to the next provider after a failure.
   *
   * @param deviceAuthorizationEndpoint where device authorization requests arrive
   * @param revocationEndpoint where token revocation requests arrive
   */
  static AuthenticationConverter converter(
      RegisteredClientRepository clients,
      RequestMatcher deviceAuthorizationEndpoint,
      RequestMatcher revocationEndpoint) {
    return request -> {
      if (revocationEndpoint.matches(request)) {
        String clientId = publicClientId(request);
        if (clientId == null) {
          return null;
        }
        publicClient(clients, clientId);
        return new RevocationRequest(clientId, parameters(request, null));
      }
      OAuth2ClientAuthenticationToken converted = convert(request, deviceAuthorizationEndpoint);
      if (converted != null) {
        publicClientWithGrant(
            clients,
            converted.getPrincipal().toString(),
            (String) converted.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE));
      }
      return converted;
    };
  }

  static AuthenticationProvider provider(RegisteredClientRepository clients) {
    return new Provider(clients);
  }

  private static OAuth2ClientAuthenticationToken convert(
      HttpServletRequest request, RequestMatcher deviceAuthorizationEndpoint) {
    // A device authorization request (RFC 8628 §3.1) names no grant type; it starts the device
    // code grant, so it is checked as one.
    String grantType =
        deviceAuthorizationEndpoint.matches(request)
            ? AuthorizationGrantType.DEVICE_CODE.getValue()
            : request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
    if (grantType == null || isPkceCodeExchange(grantType)) {
      return null;
    }
    String clientId = publicClientId(request);
    if (clientId == null) {
      return null;
    }
    return new OAuth2ClientAuthenticationToken(
        clientId, ClientAuthenticationMethod.NONE, null, parameters(request, grantType));
  }

  /**
   * The client id of a POST that identifies its client by {@code client_id} alone (no secret, no
   * assertion, no Authorization header); null for any other request, which is left to the built-in
   * converters (or answered as missing client authentication).
   */
  private static String publicClientId(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
        || request.getParameter("client_assertion") != null) {
      return null;
    }
    String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
    if (clientIds == null) {
      return null; // no client named at all: answered as missing client authentication
    }
    if (clientIds.length != 1 || clientIds[0].isBlank()) {
      throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
    }
    return clientIds[0];
  }

  /** The request's parameters but {@code client_id}, with {@code grantType} as the grant type. */
  private static Map<String, Object> parameters(HttpServletRequest request, String grantType) {
    Map<String, Object> parameters = new HashMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!OAuth2ParameterNames.CLIENT_ID.equals(name)
                  && !OAuth2ParameterNames.GRANT_TYPE.equals(name)) {
                parameters.put(name, values.length == 1 ? values[0] : values);
              }
            });
    if (grantType != null) {
      parameters.put(OAuth2ParameterNames.GRANT_TYPE, grantType);
    }
    return parameters;
  }

  /**
   * The public client with this id.
   *
   * @throws OAuth2AuthenticationException {@code invalid_client} when there is no public client
   *     with this id
   */
  private static RegisteredClient publicClient(
      RegisteredClientRepository clients, String clientId) {
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null
        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "Client authentication failed", null));
    }
    return client;
  }

  /**
   * The public client with this id, if it may use the grant.
   *
   * @throws OAuth2AuthenticationException {@code invalid_client} when there is no public client
   *     with this id, {@code unauthorized_client} when it may not use the grant
   */
  private static RegisteredClient publicClientWithGrant(
      RegisteredClientRepository clients, String clientId, String grant) {
    RegisteredClient client = publicClient(clients, clientId);
    if (!GRANTS.contains(grant)
        || !client.getAuthorizationGrantTypes().contains(new AuthorizationGrantType(grant))) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
              "The client may not use this grant type",
              null));
    }
    return client;
  }

  private static boolean isPkceCodeExchange(String grantType) {
    return AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(grantType);
  }

  /** A public client's revocation request, told apart from token requests by its type. */
  private static final class RevocationRequest extends OAuth2ClientAuthenticationToken {

    RevocationRequest(String clientId, Map<String, Object> parameters) {
      super(clientId, ClientAuthenticationMethod.NONE, null, parameters);
    }
  }

  private record Provider(RegisteredClientRepository clients) implements AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication authentication) {
      OAuth2ClientAuthenticationToken request = (OAuth2ClientAuthenticationToken) authentication;
      String clientId = request.getPrincipal().toString();
      if (request instanceof RevocationRequest) {
        return authenticated(publicClient(clients, clientId));
      }
      Object grantType = request.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE);
      if (!ClientAuthenticationMethod.NONE.equals(request.getClientAuthenticationMethod())
          || !(grantType instanceof String grant)
          || isPkceCodeExchange(grant)) {
        return null; // PKCE code exchange and secrets are handled by the built-in providers
      }
      return authenticated(publicClientWithGrant(clients, clientId, grant));
    }

    private static OAuth2ClientAuthenticationToken authenticated(RegisteredClient client) {
      return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }
}
