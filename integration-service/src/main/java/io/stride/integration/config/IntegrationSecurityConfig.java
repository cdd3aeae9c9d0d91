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
