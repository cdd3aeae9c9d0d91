package io.stride.auth.oauth;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access tokens name the API as audience ({@code stride-api}) besides the client, carry {@code
 * client_id}, and — when issued for a user — {@code uid}, the account id services act for.
 * Client-credentials tokens have no {@code uid}, so they can never act as a user.
 */
final class StrideTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String API_AUDIENCE = "stride-api";

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    String clientId = context.getRegisteredClient().getClientId();
    // a mutable list: token claims are stored with Jackson's allow-listed types
    context
        .getClaims()
        .audience(new ArrayList<>(List.of(clientId, API_AUDIENCE)))
        .claim("client_id", clientId);
    if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      context.getClaims().claim("uid", context.getPrincipal().getName());
    }
  }
}
