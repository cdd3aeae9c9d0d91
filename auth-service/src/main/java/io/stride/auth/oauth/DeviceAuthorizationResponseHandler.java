package io.stride.auth.oauth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The device authorization response (RFC 8628 §3.2) as Spring Authorization Server writes it, plus
 * {@code interval}: the polling interval the token endpoint enforces with {@code slow_down} ({@link
 * DevicePollingThrottleFilter}), so a device knows it before its first poll.
 */
final class DeviceAuthorizationResponseHandler implements AuthenticationSuccessHandler {

  private final OAuth2DeviceAuthorizationResponseHttpMessageConverter converter =
      new OAuth2DeviceAuthorizationResponseHttpMessageConverter();
  private final String verificationPath;
  private final Duration interval;

  /**
   * @param verificationPath where the user enters the code, on this server
   * @param interval the minimum polling interval
   */
  DeviceAuthorizationResponseHandler(String verificationPath, Duration interval) {
    this.verificationPath = verificationPath;
    this.interval = interval;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    var started = (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
    // as the default handler does: this server's public address (forwarded headers applied)
    String verificationUri =
        ServletUriComponentsBuilder.fromContextPath(request)
            .path(verificationPath)
            .build()
            .toUriString();
    String verificationUriComplete =
        UriComponentsBuilder.fromUriString(verificationUri)
            .queryParam(OAuth2ParameterNames.USER_CODE, started.getUserCode().getTokenValue())
            .build()
            .toUriString();
    converter.write(
        OAuth2DeviceAuthorizationResponse.with(started.getDeviceCode(), started.getUserCode())
            .verificationUri(verificationUri)
            .verificationUriComplete(verificationUriComplete)
            .interval(interval.toSeconds())
            .build(),
        null,
        new ServletServerHttpResponse(response));
  }
}
