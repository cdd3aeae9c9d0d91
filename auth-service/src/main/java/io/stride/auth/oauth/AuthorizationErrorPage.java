package io.stride.auth.oauth;

import io.stride.auth.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Answers a refused authorization request. When the client and its redirect URI are known, the
 * error goes back to the app as RFC 6749 §4.1.2.1 says (as Spring Authorization Server does). When
 * they are not (an unknown app, a redirect URI it never registered), sending the browser anywhere
 * would be an open redirect, so the person gets our error page saying what is wrong, in words.
 */
final class AuthorizationErrorPage implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    OAuth2Error error =
        exception instanceof OAuth2AuthenticationException oauth2
            ? oauth2.getError()
            : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
    OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest =
        exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException refused
            ? refused.getAuthorizationCodeRequestAuthentication()
            : null;
    if (authorizationRequest != null
        && StringUtils.hasText(authorizationRequest.getRedirectUri())) {
      response.sendRedirect(backToTheApp(authorizationRequest, error));
      return;
    }
    request.setAttribute(ErrorPages.DETAIL, explanation(error));
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  private static String backToTheApp(
      OAuth2AuthorizationCodeRequestAuthenticationToken request, OAuth2Error error) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromUriString(request.getRedirectUri())
            .queryParam("error", error.getErrorCode());
    if (StringUtils.hasText(error.getDescription())) {
      uri.queryParam(
          "error_description", UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
    }
    if (StringUtils.hasText(error.getUri())) {
      uri.queryParam("error_uri", UriUtils.encode(error.getUri(), StandardCharsets.UTF_8));
    }
    if (StringUtils.hasText(request.getState())) {
      uri.queryParam("state", UriUtils.encode(request.getState(), StandardCharsets.UTF_8));
    }
    return uri.build(true).toUriString();
  }

  /** What the person is told; the parameter at fault is named in SAS's description. */
  private static String explanation(OAuth2Error error) {
    String description = error.getDescription() == null ? "" : error.getDescription();
    if (description.contains("redirect_uri")) {
      return "The app asked to send you back to an address it has not registered with Stride, so"
          + " you were not sent there. Tell the app's makers; nothing was shared with the app.";
    }
    if (description.contains("client_id")) {
      return "The app that sent you here is not known to Stride. Nothing was shared with it.";
    }
    return "The app sent an incomplete or invalid sign-in request ("
        + error.getErrorCode()
        + "). Go back to the app and try again; nothing was shared with it.";
  }
}
