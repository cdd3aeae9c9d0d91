package io.stride.gamification.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class GamificationSecurityConfig {

  /** Reading progress needs {@code gamification:read}; there is nothing to write yet. */
  @Bean
  ApiAuthorizationRules gamificationRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/gamification/**")
            .hasAuthority("SCOPE_gamification:read");
  }
}
