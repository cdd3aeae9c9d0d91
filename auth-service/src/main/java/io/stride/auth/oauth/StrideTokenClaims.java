package io.stride.auth.oauth;

import io.stride.auth.accounts.AccountRoles;
import io.stride.platform.security.JwtAuthorities;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access tokens name the API as audience ({@code stride-api}) besides the client, carry {@code
 * client_id}, and — when issued for a user — {@code uid}, the account id services act for.
 * Client-credentials tokens have no {@code uid}, so they can never act as a user.
 *
 * <p>ID tokens carry the standard claims their scopes allow ({@link StandardClaims}); those issued
 * for an authorization code name the session the code was requested in as {@code sid} ({@link
 * IssuingSession}) and always carry {@code auth_time}. Refreshed ID tokens keep both (SAS copies
 * them from the previous ID token).
 *
 * <p>Both carry {@code roles}, the account's roles as a JSON array (e.g. {@code ["ADMIN"]}, ADR
 * 0030), read at every issue (so also at every refresh), and only when the account has a role and
 * the client is a first-party app: one that asks no consent. Apps people approve on the consent
 * page (partners, trackers) act for the person with the scopes approved, never with their roles;
 * client-credentials tokens act for nobody.
 */
final class StrideTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String API_AUDIENCE = "stride-api";
  static final String SID = "sid";

  private final StandardClaims standardClaims;
  private final AccountRoles roles;

  StrideTokenClaims(StandardClaims standardClaims, AccountRoles roles) {
    this.standardClaims = standardClaims;
    this.roles = roles;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      accessToken(context);
    } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
      idToken(context);
    }
  }

  private void accessToken(JwtEncodingContext context) {
    String clientId = context.getRegisteredClient().getClientId();
    // a mutable list: token claims are stored with Jackson's allow-listed types
    context
        .getClaims()
        .audience(new ArrayList<>(List.of(clientId, API_AUDIENCE)))
        .claim("client_id", clientId);
    if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      context.getClaims().claim("uid", context.getPrincipal().getName());
      roles(context);
    }
  }

  private void idToken(JwtEncodingContext context) {
    var claims = context.getClaims();
    standardClaims
        .about(context.getPrincipal().getName(), context.getAuthorizedScopes())
        .forEach(claims::claim);
    roles(context);
    if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
      return;
    }
    IssuingSession.sidOf(context.getAuthorization()).ifPresent(sid -> claims.claim(SID, sid));
    claims.claims(
        existing -> {
          if (!existing.containsKey(IdTokenClaimNames.AUTH_TIME)) {
            SignInTime.of(context.getPrincipal())
                .ifPresent(time -> existing.put(IdTokenClaimNames.AUTH_TIME, Date.from(time)));
          }
        });
  }

  /** {@code roles} for a user token of a first-party app, when the account has any. */
  private void roles(JwtEncodingContext context) {
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
        || context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()) {
      return;
    }
    List<String> held = roles.of(context.getPrincipal().getName());
    if (!held.isEmpty()) {
      // a mutable list: token claims are stored with Jackson's allow-listed types
      context.getClaims().claim(JwtAuthorities.ROLES_CLAIM, new ArrayList<>(held));
    }
  }
}
