package io.stride.promo.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;

@Configuration
class PromoSecurityConfig {

  /**
   * Reading promotions and one's rewards needs {@code promo:read}, redeeming {@code promo:write};
   * the admin API needs the role ADMIN besides (reads with {@code promo:read}, changes with {@code
   * promo:write}): a partner app with an athlete's token never runs campaigns.
   */
  @Bean
  ApiAuthorizationRules promoRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/promo/admin/**")
            .access(
                AuthorizationManagers.allOf(
                    AuthorityAuthorizationManager.hasAuthority("SCOPE_promo:read"),
                    AuthorityAuthorizationManager.hasRole("ADMIN")))
            .requestMatchers("/api/v1/promo/admin/**")
            .access(
                AuthorizationManagers.allOf(
                    AuthorityAuthorizationManager.hasAuthority("SCOPE_promo:write"),
                    AuthorityAuthorizationManager.hasRole("ADMIN")))
            .requestMatchers(HttpMethod.GET, "/api/v1/promo/**")
            .hasAuthority("SCOPE_promo:read")
            .requestMatchers(HttpMethod.POST, "/api/v1/promo/redemptions")
            .hasAuthority("SCOPE_promo:write");
  }
}
