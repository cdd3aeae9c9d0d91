package io.stride.auth.oauth;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationEndpointConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OidcConfigurer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AuthorizationCodeRequestAuthenticationConverter;

/**
 * What Stride adds to Spring Authorization Server's OpenID Connect (ADR 0014): truthful discovery,
 * the standard claims at {@code /userinfo}, RP-initiated logout back to the app's registered URIs
 * (loopback on any port) with clear refusals, and at the authorization endpoint {@code
 * prompt}/{@code max_age} and the session each ID token names as {@code sid}. ({@code prompt=login}
 * and {@code max_age} with a session are {@link FreshSignInFilter}'s.)
 */
final class OpenIdConnect {

  private OpenIdConnect() {}

  static Customizer<OidcConfigurer> endpoints(DiscoveryMetadata discovery, StandardClaims claims) {
    return oidc ->
        oidc.providerConfigurationEndpoint(
                configuration ->
                    configuration.providerConfigurationCustomizer(
                        discovery::correctOpenIdConfiguration))
            .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
            .logoutEndpoint(
                logout ->
                    logout
                        .authenticationProviders(
                            providers ->
                                providers.forEach(
                                    provider -> {
                                      if (provider
                                          instanceof OidcLogoutAuthenticationProvider logouts) {
                                        logouts.setAuthenticationValidator(
                                            new PostLogoutRedirectUris());
                                      }
                                    }))
                        .logoutResponseHandler(new SignedOutPage())
                        .errorResponseHandler(new LogoutRefused()));
  }

  /**
   * Authorization requests record the session they come in ({@link IssuingSession}) and are checked
   * for {@code prompt=none} and {@code max_age} ({@link AuthenticationRequestValidator}) after
   * SAS's own checks. The endpoint takes one consumer of its providers: {@code more} adds to it.
   */
  static Customizer<OAuth2AuthorizationEndpointConfigurer> authenticationRequests(
      Clock clock, Consumer<List<AuthenticationProvider>> more) {
    return authorization ->
        authorization
            .authorizationRequestConverters(
                converters ->
                    converters.replaceAll(
                        converter ->
                            converter
                                    instanceof OAuth2AuthorizationCodeRequestAuthenticationConverter
                                ? IssuingSession.recordedBy(converter)
                                : converter))
            .authenticationProviders(
                providers -> {
                  providers.forEach(
                      provider -> {
                        if (provider
                            instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codes) {
                          codes.setAuthenticationValidator(
                              new OAuth2AuthorizationCodeRequestAuthenticationValidator()
                                  .andThen(new AuthenticationRequestValidator(clock)));
                        }
                      });
                  more.accept(providers);
                });
  }
}
