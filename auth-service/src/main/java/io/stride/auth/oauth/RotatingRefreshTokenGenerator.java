package io.stride.auth.oauth;

import java.time.Instant;
import java.util.Base64;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Opaque refresh tokens (96 random bytes) for every client that holds the refresh_token grant,
 * public ones included. The built-in generator refuses public clients; ours are first-party apps
 * whose tokens rotate on each use with reuse detection ({@link
 * ReuseDetectingAuthorizationService}), the mitigation OAuth 2.0 Security BCP §4.14 names for
 * public clients.
 */
final class RotatingRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

  private final StringKeyGenerator tokens =
      new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);

  @Override
  public OAuth2RefreshToken generate(OAuth2TokenContext context) {
    if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
        || !context
            .getRegisteredClient()
            .getAuthorizationGrantTypes()
            .contains(
                org.springframework.security.oauth2.core.AuthorizationGrantType.REFRESH_TOKEN)) {
      return null;
    }
    Instant issuedAt = Instant.now();
    Instant expiresAt =
        issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
    return new OAuth2RefreshToken(tokens.generateKey(), issuedAt, expiresAt);
  }
}
