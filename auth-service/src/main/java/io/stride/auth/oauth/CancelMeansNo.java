package io.stride.auth.oauth;

import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * Cancel on the consent page posts no scope. Spring Authorization Server adds the scopes the user
 * approved earlier to what is posted, so Cancel on a request for one more scope would still send
 * the app a code for the old ones. Here an approval of nothing is a refusal: the consent is
 * cleared, SAS removes the stored one and answers {@code access_denied}.
 */
final class CancelMeansNo {

  private CancelMeansNo() {}

  static void apply(List<AuthenticationProvider> providers) {
    for (AuthenticationProvider provider : providers) {
      if (provider instanceof OAuth2AuthorizationConsentAuthenticationProvider consents) {
        consents.setAuthorizationConsentCustomizer(CancelMeansNo::refuseAnEmptyApproval);
      }
    }
  }

  private static void refuseAnEmptyApproval(
      OAuth2AuthorizationConsentAuthenticationContext context) {
    OAuth2AuthorizationConsentAuthenticationToken approval = context.getAuthentication();
    Set<String> posted = approval.getScopes();
    if (posted == null || posted.isEmpty()) {
      context.getAuthorizationConsent().authorities(Set::clear);
    }
  }
}
