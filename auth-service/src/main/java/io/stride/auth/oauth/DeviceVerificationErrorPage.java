package io.stride.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Where the person goes when a device is not connected: after Cancel on the confirmation, to a page
 * that says the device was not connected; when the code stopped working meanwhile (expired, used on
 * another tab), back to the code form, which says so.
 */
final class DeviceVerificationErrorPage implements AuthenticationFailureHandler {

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    boolean declined =
        exception instanceof OAuth2AuthenticationException oauth2
            && OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth2.getError().getErrorCode());
    response.sendRedirect(declined ? "/activate/declined" : "/activate?expired");
  }
}
