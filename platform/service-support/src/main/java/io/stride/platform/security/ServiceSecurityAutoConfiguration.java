package io.stride.platform.security;

import io.micrometer.observation.ObservationRegistry;
import io.stride.platform.http.HeaderValues;
import io.stride.platform.jwt.BearerTokens;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.ObservationMarkingRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server: bearer JWTs checked against the issuer's JWKS, issuer
 * and audience ({@code spring.security.oauth2.resourceserver.jwt.*}), scopes as {@code SCOPE_x} and
 * the person's roles as {@code ROLE_x} authorities ({@link JwtAuthorities}), stateless, errors as
 * problem+json. Health, metrics and the OpenAPI document stay open for probes and the gateway.
 */
@AutoConfiguration(
    before = {
      OAuth2ResourceServerAutoConfiguration.class,
      ServletWebSecurityAutoConfiguration.class,
      ManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

  /** Paths that carry no user data and must answer without a token. */
  public static final String[] OPEN_PATHS = {
    "/actuator/health/**",
    "/actuator/prometheus",
    "/actuator/info",
    "/actuator/regions",
    "/actuator/regions/**",
    "/v3/api-docs/**",
    "/error"
  };

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain apiSecurityFilterChain(
      HttpSecurity http, ObjectProvider<ApiAuthorizationRules> serviceRules) throws Exception {
    return applyApiSecurity(http, serviceRules.orderedStream().toList()).build();
  }

  /**
   * Scopes as {@code SCOPE_x}, the {@code roles} claim as {@code ROLE_x} ({@link JwtAuthorities}):
   * {@code hasRole("ADMIN")} works in every service. Spring Security's JWT configurer picks this
   * bean up for every chain of the application, {@link #applyApiSecurity}'s included.
   */
  @Bean
  @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
  JwtAuthenticationConverter strideJwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(new JwtAuthorities());
    return converter;
  }

  /** The resource-server setup, for services (like auth) that assemble several chains. */
  public static HttpSecurity applyApiSecurity(HttpSecurity http, List<ApiAuthorizationRules> rules)
      throws Exception {
    ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
    return http.authorizeHttpRequests(
            authorize -> {
              authorize.requestMatchers(OPEN_PATHS).permitAll();
              rules.forEach(rule -> rule.configure(authorize));
              authorize.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .jwt(jwt -> {})
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
  }

  /** The strict firewall with a cheaper header-value check ({@link HeaderValues}). */
  @Bean
  @ConditionalOnMissingBean(HttpFirewall.class)
  HttpFirewall strideHttpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderValues(HeaderValues.VALID);
    return firewall;
  }

  /**
   * Firewall refusals as 400 problem+json; the observation of the refused request is still marked
   * as rejected, as Spring Security does by default.
   */
  @Bean
  @ConditionalOnMissingBean(RequestRejectedHandler.class)
  RequestRejectedHandler strideRequestRejectedHandler(
      ObjectProvider<ObservationRegistry> observations) {
    return new CompositeRequestRejectedHandler(
        new ObservationMarkingRequestRejectedHandler(
            observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
        new ProblemRequestRejectedHandler());
  }

  /** The access token of {@code Authorization: Bearer}, read without a regular expression. */
  @Bean
  @ConditionalOnMissingBean(BearerTokenResolver.class)
  static BearerTokenResolver strideBearerTokenResolver() {
    return request -> BearerTokens.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
  }

  @Bean
  WebMvcConfigurer currentUserArgumentResolver() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserArgumentResolver());
      }
    };
  }
}
