package io.stride.platform.jwt;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No observation per security filter, authentication or authorization: the request's own
 * observation ({@code http.server.requests} and its span) already times them. Switching them off by
 * property ({@code management.observations.enable.spring.security=false}) still wraps every filter
 * of the chain in an observation decorator on every request; these settings skip the decorator. A
 * service that wants them declares its own {@link SecurityObservationSettings}.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class NoSecurityObservationsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  static SecurityObservationSettings strideSecurityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }
}
