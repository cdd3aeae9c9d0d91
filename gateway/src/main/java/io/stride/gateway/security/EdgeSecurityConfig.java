package io.stride.gateway.security;

import io.stride.catalog.Route;
import io.stride.catalog.ServiceCatalog;
import io.stride.gateway.edge.ProblemResponses;
import io.stride.gateway.revocation.RevocationConfig;
import io.stride.gateway.revocation.Revocations;
import io.stride.platform.http.HeaderValues;
import io.stride.platform.jwt.BearerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The edge check: every {@code /api/**} call but registration, the API document, the reads of
 * routes the catalog marks {@code public-reads} and the calls partners sign instead (routes marked
 * {@code signed}) needs a valid access token (issuer, signature, expiry, audience — {@code
 * spring.security.oauth2.resourceserver.jwt.*}); the services check scopes and ownership again.
 * Browser pages (sign-in, consent, device activation) belong to auth-service and carry their own
 * CSRF protection. Security headers go on every response.
 */
@Configuration
class EdgeSecurityConfig {

  /** The paths of every catalog route marked {@code public-reads}. */
  static String[] publicReads(ServiceCatalog catalog) {
    return catalog.services().stream()
        .flatMap(service -> service.routes().stream())
        .filter(Route::publicReads)
        .flatMap(route -> route.paths().stream())
        .toArray(String[]::new);
  }

  /**
   * The paths of every catalog route marked {@code signed}: partners sign each request there
   * (Standard Webhooks HMAC) and carry no token; the service verifies the signature.
   */
  static String[] signed(ServiceCatalog catalog) {
    return catalog.services().stream()
        .flatMap(service -> service.routes().stream())
        .filter(Route::signed)
        .flatMap(route -> route.paths().stream())
        .toArray(String[]::new);
  }

  @Bean
  SecurityWebFilterChain edgeSecurity(
      ServerHttpSecurity http,
      ServiceCatalog catalog,
      ReactiveJwtDecoder decoder,
      Revocations revocations) {
    String[] publicReads = publicReads(catalog);
    String[] signed = signed(catalog);
    return http.authorizeExchange(
            exchanges -> {
              exchanges.pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
              if (publicReads.length > 0) {
                // routes the catalog marks public-reads (e.g. regional settings)
                exchanges.pathMatchers(HttpMethod.GET, publicReads).permitAll();
                exchanges.pathMatchers(HttpMethod.HEAD, publicReads).permitAll();
              }
              if (signed.length > 0) {
                // routes the catalog marks signed: the service checks each request's signature
                exchanges.pathMatchers(signed).permitAll();
              }
              exchanges
                  .pathMatchers(HttpMethod.POST, "/api/v1/accounts")
                  .permitAll()
                  .pathMatchers(HttpMethod.GET, "/api/v1/openapi.json", "/api/docs")
                  .permitAll()
                  .pathMatchers("/api/**")
                  .authenticated()
                  .anyExchange()
                  .permitAll();
            })
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(RevocationConfig.refusingRevoked(decoder, revocations)))
                    .bearerTokenConverter(EdgeSecurityConfig::bearerToken)
                    .authenticationEntryPoint(
                        (exchange, e) -> {
                          exchange
                              .getResponse()
                              .getHeaders()
                              .set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(e));
                          return ProblemResponses.write(
                              exchange,
                              HttpStatus.UNAUTHORIZED,
                              "unauthorized",
                              "Unauthorized",
                              "A valid access token is required: " + e.getMessage());
                        }))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        // sign-in and sign-out are auth-service's pages: WebFlux's own POST /logout handler
        // would answer them here and sign nobody out
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .securityContextRepository(
            org.springframework.security.web.server.context.NoOpServerSecurityContextRepository
                .getInstance())
        .headers(
            headers ->
                headers
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; style-src 'self' 'unsafe-inline';"
                                    + " img-src 'self' data: https:; frame-ancestors 'none';"
                                    + " base-uri 'self'; object-src 'none'"))
                    .permissionsPolicy(
                        permissions ->
                            permissions.policy("camera=(), microphone=(), geolocation=(self)")))
        .build();
  }

  /** The strict firewall with a cheaper header-value check ({@link HeaderValues}). */
  @Bean
  ServerWebExchangeFirewall strideExchangeFirewall() {
    StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    firewall.setAllowedHeaderValues(HeaderValues.VALID);
    return firewall;
  }

  /** The access token of {@code Authorization: Bearer}, read without a regular expression. */
  private static Mono<Authentication> bearerToken(ServerWebExchange exchange) {
    return Mono.fromCallable(
            () ->
                BearerTokens.fromAuthorization(
                    exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)))
        .map(BearerTokenAuthenticationToken::new);
  }

  /** RFC 6750 §3: tell OAuth2 clients why their token was refused. */
  private static String wwwAuthenticate(AuthenticationException e) {
    if (e instanceof OAuth2AuthenticationException oauth2
        && oauth2.getError() instanceof BearerTokenError error) {
      return "Bearer error=\"" + error.getErrorCode() + "\", error_description=\"token rejected\"";
    }
    return "Bearer";
  }
}
