package io.stride.profile.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class ProfileSecurityConfig {

  @Bean
  ApiAuthorizationRules profileRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.GET, "/api/v1/profiles/**")
            .hasAuthority("SCOPE_profile:read")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/profiles/me")
            .hasAuthority("SCOPE_profile:write");
  }
}
