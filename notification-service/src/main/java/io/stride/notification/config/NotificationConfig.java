package io.stride.notification.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
@ConfigurationPropertiesScan("io.stride.notification")
class NotificationConfig {

  /**
   * Reading the inbox, its stream and the settings needs {@code notifications:read}; marking read,
   * deleting and changing settings {@code notifications:write}. The unsubscribe page needs no
   * token: its signed link is the authority.
   */
  @Bean
  ApiAuthorizationRules notificationRules() {
    return rules ->
        rules
            .requestMatchers("/unsubscribe")
            .permitAll()
            .requestMatchers(HttpMethod.GET, "/api/v1/notifications/**", "/api/v1/notifications")
            .hasAuthority("SCOPE_notifications:read")
            .requestMatchers("/api/v1/notifications/**")
            .hasAuthority("SCOPE_notifications:write");
  }
}
