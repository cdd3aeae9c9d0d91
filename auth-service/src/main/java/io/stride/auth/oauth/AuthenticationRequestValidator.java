package io.stride.auth.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * The checks of an OpenID Connect authentication request that Spring Authorization Server leaves
 * out, run after its own (client, redirect URI, scopes) and, like them, before the browser is sent
 * to sign in, so that the answer goes to the client's redirect URI:
 *
 * <ul>
 *   <li>{@code max_age} must be a whole number of seconds ({@code invalid_request});
 *   <li>{@code prompt=none} is answered with {@code login_required} when nobody is signed in or the
 *       sign-in is older than {@code max_age}. SAS has this answer too, but never gets to give it:
 *       the authorization endpoint requires a signed-in user, so the browser would be sent to the
 *       sign-in page instead. ({@code consent_required} SAS does answer itself.)
 * </ul>
 */
final class AuthenticationRequestValidator
    implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

  private static final String ERROR_URI =
      "https://openid.net/specs/openid-connect-core-1_0.html#AuthError";

  private final Clock clock;

  AuthenticationRequestValidator(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
    OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
    if (!request.getScopes().contains(OidcScopes.OPENID)) {
      return;
    }
    SignInDemand demand;
    try {
      demand =
          SignInDemand.of(
              single(request, SignInDemand.PROMPT), single(request, SignInDemand.MAX_AGE));
    } catch (IllegalArgumentException e) {
      throw refused(OAuth2ErrorCodes.INVALID_REQUEST, e.getMessage(), request);
    }
    if (!demand.none() || demand.login()) {
      return; // prompt=none with login is refused by SAS's own prompt validator
    }
    Optional<Instant> signedIn = SignInTime.of((Authentication) request.getPrincipal());
    if (signedIn.isEmpty() || !demand.metBy(signedIn.get(), clock.instant())) {
      throw refused(
          "login_required",
          signedIn.isEmpty()
              ? "prompt=none: nobody is signed in"
              : "prompt=none: the sign-in is older than max_age",
          request);
    }
  }

  private static String single(
      OAuth2AuthorizationCodeRequestAuthenticationToken request, String name) {
    Object value = request.getAdditionalParameters().get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw new IllegalArgumentException(name + " is given more than once");
  }

  private static OAuth2AuthorizationCodeRequestAuthenticationException refused(
      String code, String description, OAuth2AuthorizationCodeRequestAuthenticationToken request) {
    // the request carries the validated redirect URI and state: the answer goes there
    return new OAuth2AuthorizationCodeRequestAuthenticationException(
        new OAuth2Error(code, description, ERROR_URI), request);
  }
}
