package io.stride.gateway.edge;

import io.stride.catalog.Route;
import io.stride.catalog.ServiceCatalog;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be: the gateway's default ({@code stride.gateway.max-body-size}), or
 * the larger limit a catalog route declares ({@code max-body-size}, e.g. file uploads).
 */
@Component
class BodyLimits {

  private record Large(Route route, DataSize limit) {}

  private final DataSize defaultLimit;
  private final List<Large> large;

  BodyLimits(GatewayProperties properties, ServiceCatalog catalog) {
    this.defaultLimit = properties.maxBodySize();
    this.large =
        catalog.services().stream()
            .flatMap(service -> service.routes().stream())
            .filter(route -> route.maxBodySize() != null)
            .map(route -> new Large(route, DataSize.parse(route.maxBodySize())))
            .toList();
  }

  DataSize forPath(String path) {
    for (Large entry : large) {
      if (entry.route().matches(path)) {
        return entry.limit();
      }
    }
    return defaultLimit;
  }
}
