package io.stride.auth.oauth;

import io.stride.auth.accounts.AccountIdentities;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect standard claims about the user (OIDC Core §5.1, §5.4), the same in ID tokens
 * and at {@code /userinfo}, and only for the scopes granted: {@code profile} gives {@code name}
 * (the display name), {@code email} gives {@code email} and {@code email_verified} (whether the
 * owner opened the verification link sent to it). Nothing else is issued: accounts have no user
 * name ({@code preferred_username}) and record no change time ({@code updated_at}).
 */
@Component
class StandardClaims {

  /** The claims this class can issue, for discovery's {@code claims_supported}. */
  static final List<String> NAMES =
      List.of(StandardClaimNames.NAME, StandardClaimNames.EMAIL, StandardClaimNames.EMAIL_VERIFIED);

  private final AccountIdentities accounts;

  StandardClaims(AccountIdentities accounts) {
    this.accounts = accounts;
  }

  /**
   * The claims about the account {@code accountId} that {@code scopes} allow; none for an account
   * that no longer exists.
   */
  Map<String, Object> about(String accountId, Collection<String> scopes) {
    boolean profile = scopes.contains(OidcScopes.PROFILE);
    boolean email = scopes.contains(OidcScopes.EMAIL);
    Map<String, Object> claims = new LinkedHashMap<>();
    if (!profile && !email) {
      return claims; // no lookup for tokens that carry no such scope
    }
    accounts
        .find(accountId)
        .ifPresent(
            account -> {
              if (profile) {
                claims.put(StandardClaimNames.NAME, account.displayName());
              }
              if (email) {
                claims.put(StandardClaimNames.EMAIL, account.email());
                claims.put(StandardClaimNames.EMAIL_VERIFIED, account.emailVerified());
              }
            });
    return claims;
  }

  /**
   * The userinfo response: {@code sub} (the account id the access token was issued for) and the
   * claims its scopes allow, read from the account now rather than copied from the ID token.
   */
  OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
    String subject = context.getAuthorization().getPrincipalName();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(StandardClaimNames.SUB, subject);
    claims.putAll(about(subject, context.getAccessToken().getScopes()));
    return new OidcUserInfo(claims);
  }
}
