package io.stride.analytics.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class AnalyticsSecurityConfig {

  /** Everything is the caller's own and read-only: {@code analytics:read}. */
  @Bean
  ApiAuthorizationRules analyticsRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/analytics/**")
            .hasAuthority("SCOPE_analytics:read");
  }
}
