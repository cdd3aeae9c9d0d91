package io.stride.auth.oauth;

import io.stride.platform.http.RetryAfter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link UserCodeThrottle} to the device verification endpoint, which anyone may call
 * with a guessed code.
 */
final class UserCodeThrottleFilter extends OncePerRequestFilter {

  private final RequestMatcher verificationEndpoint;
  private final UserCodeThrottle throttle;

  /**
   * @param verificationEndpoint matches requests as the device verification endpoint does (see
   *     {@link EndpointMatchers})
   */
  UserCodeThrottleFilter(RequestMatcher verificationEndpoint, UserCodeThrottle throttle) {
    this.verificationEndpoint = verificationEndpoint;
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !verificationEndpoint.matches(request)
        || request.getParameter(OAuth2ParameterNames.USER_CODE) == null
        || request.getParameter(OAuth2ParameterNames.STATE) != null; // consent submission
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String ip = request.getRemoteAddr();
    Optional<Duration> blocked = throttle.blockedFor(ip);
    if (blocked.isPresent()) {
      response.setStatus(429);
      response.setHeader("Retry-After", RetryAfter.header(blocked.get()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many wrong codes. Try again later.");
      return;
    }
    throttle.check(request.getParameter(OAuth2ParameterNames.USER_CODE), ip);
    chain.doFilter(request, response);
  }
}
