package io.stride.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds Stride's shared defaults (health probes, Prometheus with latency histograms, JSON logs with
 * trace ids, tracing) with the lowest precedence, so a service's own {@code application.yml} and
 * the environment always win.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    addLast(environment, "stride-observability-defaults.properties");
  }

  /** Appends a classpath properties file as the last (weakest) property source. */
  public static void addLast(ConfigurableEnvironment environment, String resource) {
    try {
      for (PropertySource<?> source :
          new PropertiesPropertySourceLoader().load(resource, new ClassPathResource(resource))) {
        environment.getPropertySources().addLast(source);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
