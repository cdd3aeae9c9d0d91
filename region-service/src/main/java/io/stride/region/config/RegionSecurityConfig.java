package io.stride.region.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class RegionSecurityConfig {

  /**
   * Reading regional settings needs no token (the sign-up page needs them before an account);
   * changing them and reading who changed them needs {@code regions:admin}, which only an
   * operators' client is given (ADR 0023).
   */
  @Bean
  ApiAuthorizationRules regionRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/regions/*/audit")
            .hasAuthority("SCOPE_regions:admin")
            .requestMatchers(HttpMethod.GET, "/api/v1/regions", "/api/v1/regions/**")
            .permitAll()
            .requestMatchers(HttpMethod.POST, "/api/v1/regions")
            .hasAuthority("SCOPE_regions:admin")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/regions/*")
            .hasAuthority("SCOPE_regions:admin");
  }
}
