package io.stride.auth.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link UserCodeThrottle} to the device verification endpoint, which anyone may call
 * with a guessed code.
 */
final class UserCodeThrottleFilter extends OncePerRequestFilter {

  private final UserCodeThrottle throttle;

  UserCodeThrottleFilter(UserCodeThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().equals("/oauth2/device_verification")
        || request.getParameter(OAuth2ParameterNames.USER_CODE) == null
        || request.getParameter(OAuth2ParameterNames.STATE) != null; // consent submission
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String ip = request.getRemoteAddr();
    if (throttle.isBlocked(ip)) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(UserCodeThrottle.WINDOW.toSeconds()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many wrong codes. Try again later.");
      return;
    }
    throttle.check(request.getParameter(OAuth2ParameterNames.USER_CODE), ip);
    chain.doFilter(request, response);
  }
}
