package io.stride.auth.oauth;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The browser session an authorization was issued in, so that each ID token's {@code sid} names its
 * own session. Spring Authorization Server looks the user's sessions up when the code is exchanged
 * and takes the most recent one: after the user signs in in a second browser, the first browser's
 * next ID token would name the second browser's session, and RP-initiated logout then refuses the
 * first browser's ID token ({@code sid} is not its session). Here each authorization request
 * records the hash of the session it arrives in (the hash SAS uses for {@code sid}), and the ID
 * token takes its {@code sid} from the authorization ({@link StrideTokenClaims}).
 */
final class IssuingSession {

  /** Where the hash travels: an additional parameter of the stored authorization request. */
  static final String PARAMETER = "stride_issuing_session";

  private IssuingSession() {}

  /**
   * Wraps the authorization request converter: the result records the session the request came in,
   * and never a value the client sent under the same name.
   */
  static AuthenticationConverter recordedBy(AuthenticationConverter converter) {
    return request -> {
      Authentication converted = converter.convert(request);
      if (!(converted instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorization)) {
        return converted;
      }
      Map<String, Object> parameters = new HashMap<>(authorization.getAdditionalParameters());
      parameters.remove(PARAMETER);
      HttpSession session = request.getSession(false);
      if (session != null) {
        parameters.put(PARAMETER, sid(session.getId()));
      }
      return new OAuth2AuthorizationCodeRequestAuthenticationToken(
          authorization.getAuthorizationUri(),
          authorization.getClientId(),
          (Authentication) authorization.getPrincipal(),
          authorization.getRedirectUri(),
          authorization.getState(),
          authorization.getScopes(),
          parameters);
    };
  }

  /** The {@code sid} of the session the authorization was requested in, if it was recorded. */
  static Optional<String> sidOf(OAuth2Authorization authorization) {
    OAuth2AuthorizationRequest request =
        authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
    if (request != null && request.getAdditionalParameters().get(PARAMETER) instanceof String sid) {
      return Optional.of(sid);
    }
    return Optional.empty();
  }

  /** What SAS compares {@code sid} with at logout: base64url SHA-256 of the session id. */
  private static String sid(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sessionId.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
