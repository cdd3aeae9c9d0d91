package io.stride.auth.oauth;

import io.stride.auth.web.ErrorPages;
import io.stride.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A logout request that cannot be honoured (no or an unknown {@code id_token_hint}, a {@code
 * post_logout_redirect_uri} not registered for the client, an ID token of another session): 400
 * with a problem document that says which, and the OAuth error code as {@code error}. The browser
 * is never sent to an unregistered URI, and the session is left as it was. (SAS would answer a bare
 * {@code sendError}, which the platform turns into a generic "malformed request".) A browser gets
 * the same as a page that says the person is still signed in.
 */
final class LogoutRefused implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
    response.setHeader("Cache-Control", "no-store");
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html")) {
      request.setAttribute(
          ErrorPages.DETAIL,
          "You were not signed out: the app's sign-out request was not valid. Sign out from"
              + " your Stride account page instead.");
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "logout-refused",
            "Sign-out refused",
            error.getDescription() != null ? error.getDescription() : error.getErrorCode());
    problem.setProperty("error", error.getErrorCode());
    Problems.write(response, problem);
  }
}
