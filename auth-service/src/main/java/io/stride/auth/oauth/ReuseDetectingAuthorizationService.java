package io.stride.auth.oauth;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers every rotated-away refresh token (as a hash). When one is presented again, someone
 * holds a copy — the legitimate app never reuses one — so the whole authorization (current access
 * and refresh tokens) is revoked and the user must sign in again (OAuth 2.0 Security BCP §4.14.2).
 */
class ReuseDetectingAuthorizationService implements OAuth2AuthorizationService {

  private static final Logger log =
      LoggerFactory.getLogger(ReuseDetectingAuthorizationService.class);

  private final OAuth2AuthorizationService delegate;
  private final JdbcTemplate jdbc;

  ReuseDetectingAuthorizationService(OAuth2AuthorizationService delegate, JdbcTemplate jdbc) {
    this.delegate = delegate;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void save(OAuth2Authorization authorization) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
        authorization.getAuthorizationGrantType())) {
      delegate.save(authorization); // never has a refresh token: skip the lookup on this hot path
      return;
    }
    // the row lock orders this save after a disconnection or a deletion committing meanwhile
    boolean stored =
        !jdbc.queryForList(
                "select 1 from oauth2_authorization where id = ? for update", authorization.getId())
            .isEmpty();
    if (!stored && authorization.getAccessToken() != null) {
      // tokens issued for an authorization removed meanwhile (the app disconnected, the account
      // deleted, the password reset): storing it would bring the grant back
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              OAuth2ErrorCodes.INVALID_GRANT, "The authorization was revoked meanwhile.", null));
    }
    OAuth2Authorization previous = stored ? delegate.findById(authorization.getId()) : null;
    if (previous != null && previous.getRefreshToken() != null) {
      OAuth2RefreshToken old = previous.getRefreshToken().getToken();
      OAuth2RefreshToken next =
          authorization.getRefreshToken() == null
              ? null
              : authorization.getRefreshToken().getToken();
      if (next == null || !old.getTokenValue().equals(next.getTokenValue())) {
        jdbc.update(
            "insert into rotated_refresh_token (token_hash, authorization_id) values (?, ?)"
                + " on conflict do nothing",
            hash(old.getTokenValue()),
            authorization.getId());
      }
    }
    delegate.save(authorization);
  }

  @Override
  @Transactional
  public void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  @Transactional
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    OAuth2Authorization found = delegate.findByToken(token, tokenType);
    if (found == null
        && token != null
        && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
      revokeFamilyOfReused(token);
    }
    return found;
  }

  private void revokeFamilyOfReused(String token) {
    List<String> families =
        jdbc.queryForList(
            "select authorization_id from rotated_refresh_token where token_hash = ?",
            String.class,
            hash(token));
    for (String authorizationId : families) {
      OAuth2Authorization family = delegate.findById(authorizationId);
      if (family != null) {
        log.warn(
            "Rotated refresh token reused for client {} and user {}: authorization revoked",
            family.getRegisteredClientId(),
            family.getPrincipalName());
        delegate.remove(family);
      }
    }
  }

  static String hash(String token) {
    return ClientSecrets.sha256(token);
  }
}
