package io.stride.recommendation.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class RecommendationSecurityConfig {

  /**
   * Reading suggestions needs {@code recommendations:read}; answering them (accepting, dismissing,
   * "not today") needs {@code recommendations:write}.
   */
  @Bean
  ApiAuthorizationRules recommendationRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/recommendations/**")
            .hasAuthority("SCOPE_recommendations:read")
            .requestMatchers("/api/v1/recommendations/**")
            .hasAuthority("SCOPE_recommendations:write");
  }
}
