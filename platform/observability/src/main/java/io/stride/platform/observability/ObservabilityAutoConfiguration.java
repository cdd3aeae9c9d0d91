package io.stride.platform.observability;

import io.micrometer.observation.ObservationFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** What every service and the gateway observe the same way (beyond the properties defaults). */
@AutoConfiguration
@ConditionalOnClass(ObservationFilter.class)
public class ObservabilityAutoConfiguration {

  @Bean
  ObservationFilter urlQueryRedaction() {
    return new UrlQueryRedaction();
  }
}
