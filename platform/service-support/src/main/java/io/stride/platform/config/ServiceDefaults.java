package io.stride.platform.config;

import io.stride.platform.observability.ObservabilityDefaults;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Shared defaults for every domain service: database, Kafka, JSON, errors. A service names its
 * schema with {@code stride.service.schema}; Flyway, Hikari and Hibernate are pointed at it.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    String schema = environment.getProperty("stride.service.schema");
    if (schema != null) {
      Map<String, Object> schemaProperties = new HashMap<>();
      schemaProperties.put("spring.flyway.schemas", schema);
      schemaProperties.put("spring.flyway.default-schema", schema);
      schemaProperties.put("spring.datasource.hikari.schema", schema);
      schemaProperties.put("spring.jpa.properties.hibernate.default_schema", schema);
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("stride-schema-defaults", schemaProperties));
    }
    ObservabilityDefaults.addLast(environment, "stride-service-defaults.properties");
  }
}
