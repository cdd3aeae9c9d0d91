package io.stride.workout.config;

import io.stride.platform.security.ApiAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Scopes: workouts:read to look (workouts, streams, daily readings, privacy zones, gear),
 * workouts:write to change. Trackers (readings:write) post readings, record live workouts, upload
 * activity files and read their imports' status, nothing else.
 */
@Configuration
class WorkoutSecurityConfig {

  @Bean
  ApiAuthorizationRules workoutRules() {
    return rules ->
        rules
            .requestMatchers(HttpMethod.POST, "/api/v1/readings")
            .hasAuthority("SCOPE_readings:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/readings/**")
            .hasAuthority("SCOPE_workouts:read")
            .requestMatchers("/api/v1/workouts/live", "/api/v1/workouts/live/**")
            .hasAuthority("SCOPE_readings:write")
            .requestMatchers("/api/v1/workouts/imports", "/api/v1/workouts/imports/**")
            .hasAnyAuthority("SCOPE_workouts:write", "SCOPE_readings:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/privacy-zones", "/api/v1/privacy-zones/**")
            .hasAuthority("SCOPE_workouts:read")
            .requestMatchers("/api/v1/privacy-zones", "/api/v1/privacy-zones/**")
            .hasAuthority("SCOPE_workouts:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/gear", "/api/v1/gear/**")
            .hasAuthority("SCOPE_workouts:read")
            .requestMatchers("/api/v1/gear", "/api/v1/gear/**")
            .hasAuthority("SCOPE_workouts:write")
            .requestMatchers(HttpMethod.GET, "/api/v1/workouts", "/api/v1/workouts/**")
            .hasAuthority("SCOPE_workouts:read")
            .requestMatchers("/api/v1/workouts", "/api/v1/workouts/**")
            .hasAuthority("SCOPE_workouts:write");
  }
}
