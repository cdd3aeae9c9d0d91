package io.stride.gateway.routing;

import io.stride.catalog.Service;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the gateway reaches a catalog service: {@code STRIDE_<NAME>_URL}, by default its port in
 * the local run. Routes and the API document ask here, so they always call the same place.
 */
@Component
public class ServiceUrls {

  private final Environment environment;

  ServiceUrls(Environment environment) {
    this.environment = environment;
  }

  public String of(Service service) {
    return environment.getProperty(service.urlVariable(), service.localUrl());
  }
}
