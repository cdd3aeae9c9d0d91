package io.stride.auth.oauth;

import io.stride.auth.accounts.AccountRoles;
import io.stride.auth.keys.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Authorization Server: clients and authorizations in PostgreSQL, JWT access tokens signed
 * with rotating keys, refresh-token rotation and revocation for our public clients, the device flow
 * with slow_down and user-code throttling, OpenID Connect as certified clients expect it ({@link
 * OpenIdConnect}, ADR 0014); connected devices and newly approved apps announced ({@link
 * DeviceLinks}).
 */
@Configuration
class AuthorizationServerConfig {

  private static final String VERIFICATION_PATH = "/activate";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http,
      RegisteredClientRepository clients,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      AuthProperties properties,
      UserCodeThrottle userCodes,
      AuthorizationServerSettings settings,
      ScopeRegistry scopes,
      StandardClaims claims,
      SessionRegistry sessionRegistry,
      DeviceLinks deviceLinks,
      Clock clock)
      throws Exception {
    EndpointMatchers endpoints = EndpointMatchers.of(settings);
    DiscoveryMetadata discovery = new DiscoveryMetadata(scopes, properties);
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server
              .authorizationServerMetadataEndpoint(
                  metadata ->
                      metadata.authorizationServerMetadataCustomizer(
                          discovery::correctServerMetadata))
              .authorizationEndpoint(
                  OpenIdConnect.authenticationRequests(clock, CancelMeansNo::apply))
              .authorizationEndpoint(
                  authorization ->
                      authorization
                          .consentPage(ConsentPage.PATH)
                          .errorResponseHandler(new AuthorizationErrorPage()))
              .oidc(OpenIdConnect.endpoints(discovery, claims))
              .clientAuthentication(
                  clientAuth ->
                      clientAuth
                          .authenticationConverter(
                              PublicClientTokenRequests.converter(
                                  clients, endpoints.deviceAuthorization(), endpoints.revocation()))
                          .authenticationProvider(PublicClientTokenRequests.provider(clients))
                          .authenticationProviders(
                              providers ->
                                  providers.forEach(
                                      provider -> {
                                        // its own encoder: with the password encoder it would
                                        // "upgrade" client secrets to bcrypt on first use
                                        if (provider
                                            instanceof ClientSecretAuthenticationProvider secrets) {
                                          secrets.setPasswordEncoder(new ClientSecrets(clock));
                                        }
                                      })))
              .deviceAuthorizationEndpoint(
                  device ->
                      device
                          .verificationUri(VERIFICATION_PATH)
                          .deviceAuthorizationResponseHandler(
                              new DeviceAuthorizationResponseHandler(
                                  VERIFICATION_PATH, properties.devicePollInterval())))
              .deviceVerificationEndpoint(
                  verification ->
                      verification
                          .consentPage(ConsentPage.PATH)
                          .authenticationProviders(
                              providers ->
                                  DeviceApprovalsAnnounced.apply(
                                      providers, transactions, clients, deviceLinks))
                          .deviceVerificationResponseHandler(
                              (request, response, authentication) ->
                                  response.sendRedirect("/activate/done"))
                          .errorResponseHandler(new DeviceVerificationErrorPage()));
        });
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .addFilterAfter(
            new DevicePollingThrottleFilter(
                endpoints.token(), jdbc, transactions, properties.devicePollInterval(), clock),
            SecurityContextHolderFilter.class)
        .addFilterAfter(
            new UserCodeThrottleFilter(endpoints.deviceVerification(), userCodes),
            SecurityContextHolderFilter.class)
        // a session ended by a password reset is signed out here too, not only on the pages
        .addFilterAfter(
            new ConcurrentSessionFilter(
                sessionRegistry,
                expired -> {
                  // a GET is asked again (sign in, then back to it); a form post cannot be
                  HttpServletRequest request = expired.getRequest();
                  String query = request.getQueryString();
                  expired
                      .getResponse()
                      .sendRedirect(
                          "GET".equals(request.getMethod())
                              ? request.getRequestURI() + (query == null ? "" : "?" + query)
                              : "/login?expired");
                }),
            SecurityContextHolderFilter.class)
        // after exception translation, so that its "sign in again" is handled like a missing one
        .addFilterBefore(
            new FreshSignInFilter(endpoints.authorization(), clock), AuthorizationFilter.class)
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint(endpoints)))
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
    return http.build();
  }

  /**
   * Who answers a request that is not authenticated: clients get RFC 6749 JSON errors whatever
   * their Accept header, a browser opening the authorization or device verification endpoint gets
   * the sign-in page, and bearer endpoints (userinfo) answer 401 with {@code WWW-Authenticate}.
   */
  private static AuthenticationEntryPoint entryPoint(EndpointMatchers endpoints) {
    return DelegatingAuthenticationEntryPoint.builder()
        .addEntryPointFor(new ClientAuthenticationRequired(), endpoints.clientEndpoints())
        .addEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"),
            new AndRequestMatcher(
                endpoints.browserEndpoints(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .defaultEntryPoint(new BearerTokenAuthenticationEntryPoint())
        .build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
    return AuthorizationServerSettings.builder()
        .issuer(properties.issuer())
        .deviceVerificationEndpoint("/oauth2/device_verification")
        .build();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
    return new JdbcRegisteredClientRepository(jdbc);
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc, RegisteredClientRepository clients) {
    return new ReuseDetectingAuthorizationService(
        new JdbcOAuth2AuthorizationService(jdbc, clients), jdbc);
  }

  @Bean
  OAuth2AuthorizationConsentService authorizationConsentService(
      JdbcTemplate jdbc,
      RegisteredClientRepository clients,
      DeviceLinks deviceLinks,
      TransactionTemplate transactions) {
    return new EveryDeviceConfirmed(
        new FirstConsentsAnnounced(
            new JdbcOAuth2AuthorizationConsentService(jdbc, clients),
            clients,
            deviceLinks,
            transactions),
        clients);
  }

  @Bean
  JwtEncoder jwtEncoder(SigningKeys keys) {
    return new NimbusJwtEncoder(keys.signingKey());
  }

  /** Validates our own tokens (userinfo endpoint, this service's API) without an HTTP hop. */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys.publishedKeys()).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return decoder;
  }

  @Bean
  com.nimbusds.jose.jwk.source.JWKSource<com.nimbusds.jose.proc.SecurityContext> jwkSource(
      SigningKeys keys) {
    return keys.publishedKeys();
  }

  @Bean
  OAuth2TokenGenerator<?> tokenGenerator(
      JwtEncoder encoder, StandardClaims claims, AccountRoles roles) {
    JwtGenerator jwt = new JwtGenerator(encoder);
    jwt.setJwtCustomizer(new StrideTokenClaims(claims, roles));
    return new DelegatingOAuth2TokenGenerator(jwt, new RotatingRefreshTokenGenerator());
  }

  /**
   * The browser sessions users signed in with, for OpenID Connect's {@code sid} and logout; told of
   * sessions that end or change id by the event publisher, so none lingers.
   */
  @Bean
  SessionRegistry sessionRegistry() {
    return new SessionRegistryImpl();
  }

  @Bean
  HttpSessionEventPublisher httpSessionEventPublisher() {
    return new HttpSessionEventPublisher();
  }

  /**
   * User passwords: bcrypt (cost 10); hashes carry their scheme as a {id} prefix and are upgraded
   * on sign-in when the settings change. Client secrets use {@link ClientSecrets} instead.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(10)));
  }
}
