package io.stride.auth.oauth;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The authorization server's endpoints, matched exactly the way Spring Authorization Server matches
 * them ({@link PathPatternRequestMatcher}: decoded path segments), so every check we add applies to
 * every request the endpoint serves: {@code /oauth2/%74oken} is the token endpoint here too.
 * Encodings that could be read in more than one way ({@code %2F}, {@code %2E}, {@code %25}, {@code
 * ;}, {@code //}) never get this far: the firewall refuses them with 400.
 *
 * @param authorization the authorization endpoint
 * @param token the token endpoint (POST)
 * @param revocation the token revocation endpoint (POST)
 * @param deviceAuthorization where a device flow starts (POST)
 * @param deviceVerification where the user enters and approves a device code
 * @param clientEndpoints the endpoints OAuth clients call with client authentication
 * @param browserEndpoints the endpoints a person's browser opens
 */
record EndpointMatchers(
    RequestMatcher authorization,
    RequestMatcher token,
    RequestMatcher revocation,
    RequestMatcher deviceAuthorization,
    RequestMatcher deviceVerification,
    RequestMatcher clientEndpoints,
    RequestMatcher browserEndpoints) {

  static EndpointMatchers of(AuthorizationServerSettings settings) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher authorization = paths.matcher(settings.getAuthorizationEndpoint());
    RequestMatcher token = paths.matcher(HttpMethod.POST, settings.getTokenEndpoint());
    RequestMatcher revocation =
        paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint());
    RequestMatcher deviceAuthorization =
        paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint());
    RequestMatcher deviceVerification = paths.matcher(settings.getDeviceVerificationEndpoint());
    return new EndpointMatchers(
        authorization,
        token,
        revocation,
        deviceAuthorization,
        deviceVerification,
        new OrRequestMatcher(
            token,
            deviceAuthorization,
            paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
            revocation,
            paths.matcher(HttpMethod.POST, settings.getPushedAuthorizationRequestEndpoint())),
        new OrRequestMatcher(authorization, deviceVerification));
  }
}
