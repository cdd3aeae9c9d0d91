package io.stride.social.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class SocialSecurityConfig {

  /**
   * Looking needs {@code social:read}; following, answering, blocking and muting {@code
   * social:write}.
   */
  @Bean
  ApiAuthorizationRules socialRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/social/**")
            .hasAuthority("SCOPE_social:read")
            .requestMatchers(HttpMethod.PUT, "/api/v1/social/**")
            .hasAuthority("SCOPE_social:write")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/social/**")
            .hasAuthority("SCOPE_social:write")
            .requestMatchers(HttpMethod.POST, "/api/v1/social/**")
            .hasAuthority("SCOPE_social:write")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/social/**")
            .hasAuthority("SCOPE_social:write");
  }
}
