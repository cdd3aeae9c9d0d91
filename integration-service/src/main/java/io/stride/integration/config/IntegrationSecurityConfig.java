package io.stride.integration.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;

@Configuration
class IntegrationSecurityConfig {

  /**
   * Operators only, as promo-service's admin API: reads need {@code integration:read} and the role
   * ADMIN, changes {@code integration:write} and the role ADMIN. A partner's token never manages
   * partners.
   */
  @Bean
  ApiAuthorizationRules integrationRules() {
    return rules ->
        rules
            // partners' pushes carry no token: each is signed with the partner's push secret,
            // which PushSignatureFilter checks before anything else reads the request
            .requestMatchers("/api/v1/partner-pushes/**")
            .permitAll()
            // athletes' links to platforms their activities are imported from (ADR 0042)
            .requestMatchers(HttpMethod.GET, "/api/v1/import-connectors/**")
            .hasAuthority("SCOPE_imports:read")
            .requestMatchers("/api/v1/import-connectors/**")
            .hasAuthority("SCOPE_imports:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/integration/**")
            .access(
                AuthorizationManagers.allOf(
                    AuthorityAuthorizationManager.hasAuthority("SCOPE_integration:read"),
                    AuthorityAuthorizationManager.hasRole("ADMIN")))
            .requestMatchers("/api/v1/integration/**")
            .access(
                AuthorizationManagers.allOf(
                    AuthorityAuthorizationManager.hasAuthority("SCOPE_integration:write"),
                    AuthorityAuthorizationManager.hasRole("ADMIN")));
  }
}
