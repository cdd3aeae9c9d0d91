package io.stride.auth.oauth;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * RP-initiated logout sends the browser back only to a {@code post_logout_redirect_uri} registered
 * for the client the ID token was issued to. Like redirect URIs, a registered loopback URI ({@code
 * http://127.0.0.1/…}, {@code http://[::1]/…}) matches any port: a native app listens on whichever
 * port is free (RFC 8252 §7.3). Spring Authorization Server compares exactly.
 */
final class PostLogoutRedirectUris implements Consumer<OidcLogoutAuthenticationContext> {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]");

  @Override
  public void accept(OidcLogoutAuthenticationContext context) {
    OidcLogoutAuthenticationToken logout = context.getAuthentication();
    String requested = logout.getPostLogoutRedirectUri();
    if (requested == null || requested.isEmpty()) {
      return;
    }
    Set<String> registered = context.getRegisteredClient().getPostLogoutRedirectUris();
    if (registered.contains(requested)
        || registered.stream().anyMatch(uri -> sameLoopbackUri(uri, requested))) {
      return;
    }
    throw new OAuth2AuthenticationException(
        new OAuth2Error(
            OAuth2ErrorCodes.INVALID_REQUEST,
            "post_logout_redirect_uri is not registered for this client",
            "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
  }

  /** Equal but for the port, with the registered one on a loopback address over http. */
  private static boolean sameLoopbackUri(String registeredUri, String requestedUri) {
    UriComponents registered;
    UriComponents requested;
    try {
      registered = UriComponentsBuilder.fromUriString(registeredUri).build();
      requested = UriComponentsBuilder.fromUriString(requestedUri).build();
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return "http".equals(registered.getScheme())
        && LOOPBACK.contains(registered.getHost())
        && registered.getPort() == -1
        && Objects.equals(registered.getScheme(), requested.getScheme())
        && Objects.equals(registered.getHost(), requested.getHost())
        && Objects.equals(registered.getPath(), requested.getPath())
        && Objects.equals(registered.getQuery(), requested.getQuery())
        && requested.getUserInfo() == null
        && requested.getFragment() == null;
  }
}
