package io.stride.auth.oauth;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;

/**
 * After RP-initiated logout: back to the app's registered {@code post_logout_redirect_uri} when it
 * gave one (Spring Authorization Server's handler), otherwise to the sign-in page saying "you have
 * been signed out", rather than to {@code /}, which the gateway does not serve.
 */
final class SignedOutPage implements AuthenticationSuccessHandler {

  static final String SIGNED_OUT = "/login?logout";

  private final OidcLogoutAuthenticationSuccessHandler backToTheApp =
      new OidcLogoutAuthenticationSuccessHandler();

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    if (authentication instanceof OidcLogoutAuthenticationToken logout
        && !StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
      backToTheApp.onAuthenticationSuccess(request, new RedirectedTo(response), authentication);
      return;
    }
    backToTheApp.onAuthenticationSuccess(request, response, authentication);
  }

  /** Spring's handler signs out, then redirects to "/": this sends the browser to our page. */
  private static final class RedirectedTo extends jakarta.servlet.http.HttpServletResponseWrapper {
    RedirectedTo(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      super.sendRedirect(SIGNED_OUT);
    }
  }
}
