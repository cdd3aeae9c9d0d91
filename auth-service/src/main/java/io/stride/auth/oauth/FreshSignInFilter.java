package io.stride.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OpenID Connect's {@code prompt=login} and {@code max_age} (OIDC Core §3.1.2.1), which Spring
 * Authorization Server ignores: an authentication request asking for them is sent to the sign-in
 * page even with a session, unless the user signed in since this very request first asked (or, for
 * {@code max_age} alone, recently enough). The time of asking is kept in the session with a
 * fingerprint of the request, so the request replayed after the sign-in goes through, while a later
 * one asks again. {@code prompt=none} is answered by {@link AuthenticationRequestValidator}.
 *
 * <p>Runs after the exception translation filter: the refusal it throws is handled like any missing
 * sign-in (request saved, browser sent to {@code /login}).
 */
final class FreshSignInFilter extends OncePerRequestFilter {

  static final String ASKED = FreshSignInFilter.class.getName() + ".ASKED";

  /** Added by the request cache to a replayed request; not part of what the client asked. */
  private static final String REPLAY_MARKER = "continue";

  private final RequestMatcher authorizationEndpoint;
  private final Clock clock;

  /**
   * @param authorizationEndpoint matches requests as the authorization endpoint does (see {@link
   *     EndpointMatchers})
   */
  FreshSignInFilter(RequestMatcher authorizationEndpoint, Clock clock) {
    this.authorizationEndpoint = authorizationEndpoint;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String scope = request.getParameter(OAuth2ParameterNames.SCOPE);
    return !authorizationEndpoint.matches(request)
        || request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null // consent submission
        || scope == null
        || !Arrays.asList(scope.split(" ")).contains(OidcScopes.OPENID);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SignInDemand demand;
    try {
      demand =
          SignInDemand.of(
              request.getParameter(SignInDemand.PROMPT),
              request.getParameter(SignInDemand.MAX_AGE));
    } catch (IllegalArgumentException refusedAlready) {
      chain.doFilter(request, response); // AuthenticationRequestValidator answered it
      return;
    }
    if (!demand.asksForRecentSignIn() || demand.none()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Instant> signedIn =
        SignInTime.of(SecurityContextHolder.getContext().getAuthentication());
    HttpSession session = request.getSession();
    Instant now = clock.instant();
    if (signedIn.isPresent() && isRecentEnough(signedIn.get(), demand, session, request, now)) {
      session.removeAttribute(ASKED);
      chain.doFilter(request, response);
      return;
    }
    session.setAttribute(ASKED, new Asked(fingerprint(request), now));
    if (signedIn.isEmpty()) {
      chain.doFilter(request, response); // nobody signed in: sent to sign in as always
      return;
    }
    throw new InsufficientAuthenticationException("The client asks for a new sign-in");
  }

  private static boolean isRecentEnough(
      Instant signedIn,
      SignInDemand demand,
      HttpSession session,
      HttpServletRequest request,
      Instant now) {
    if (demand.metBy(signedIn, now)) {
      return true;
    }
    return session.getAttribute(ASKED) instanceof Asked asked
        && asked.request().equals(fingerprint(request))
        && !signedIn.isBefore(asked.at());
  }

  /** The request's parameters as the client sent them (code_challenge makes each one unique). */
  private static String fingerprint(HttpServletRequest request) {
    Map<String, String> parameters = new TreeMap<>();
    request
        .getParameterMap()
        .forEach(
            (name, values) -> {
              if (!REPLAY_MARKER.equals(name)) {
                parameters.put(name, String.join(" ", values));
              }
            });
    return ClientSecrets.sha256(parameters.toString());
  }

  /** When this server asked for a new sign-in, and for which request. */
  private record Asked(String request, Instant at) implements Serializable {}
}
