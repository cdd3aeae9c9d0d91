package io.stride.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request to a client endpoint (token, introspection, revocation, device authorization) that
 * carries no client authentication at all: 401 {@code invalid_client} as JSON (RFC 6749 §5.2, RFC
 * 7009 §2.2.1, RFC 7662 §2.3), whatever the Accept header says. Never the sign-in page: no person
 * is on the other end.
 */
final class ClientAuthenticationRequired implements AuthenticationEntryPoint {

  private static final OAuth2Error ERROR =
      new OAuth2Error(
          OAuth2ErrorCodes.INVALID_CLIENT,
          "Client authentication failed: no client authentication included",
          "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2");

  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    ServletServerHttpResponse http = new ServletServerHttpResponse(response);
    http.setStatusCode(HttpStatus.UNAUTHORIZED);
    http.getHeaders().setCacheControl("no-store");
    errors.write(ERROR, null, http);
  }
}
