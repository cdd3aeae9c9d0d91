package io.stride.gamification.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class GamificationSecurityConfig {

  /**
   * Reading progress, challenges and boards needs {@code gamification:read}; joining, leaving and
   * managing challenges {@code gamification:write} (who may manage which is the service's check:
   * role ADMIN, or a club's owners and admins).
   */
  @Bean
  ApiAuthorizationRules gamificationRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/gamification/**")
            .hasAuthority("SCOPE_gamification:read")
            .requestMatchers("/api/v1/gamification/**")
            .hasAuthority("SCOPE_gamification:write");
  }
}
