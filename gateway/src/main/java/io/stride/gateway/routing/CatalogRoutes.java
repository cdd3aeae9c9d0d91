package io.stride.gateway.routing;

import io.stride.catalog.Route;
import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.gateway.cache.PublicReadCache;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * One route per service of the catalog ({@code services.yml}, ADR 0008): its paths, a circuit
 * breaker named after it with a problem+json fallback, and GET-only retries on connection failures
 * and 502/503; on a route with public reads, the gateway's short-lived cache of public answers
 * ({@link PublicReadCache}) in front of them. Paths the catalog marks {@code streaming} (answers
 * that stay open, Server-Sent Events) are a route of their own, matched first, without a response
 * timeout, breaker or retry. Where each service is comes from {@code STRIDE_<NAME>_URL}, by default
 * its local port ({@link ServiceUrls}). Nothing here names a service.
 */
@Configuration(proxyBeanMethods = false)
class CatalogRoutes {

  @Bean
  ServiceCatalog serviceCatalog() {
    return ServiceCatalog.load();
  }

  @Bean
  RouteLocator catalogRouteLocator(
      RouteLocatorBuilder builder,
      ServiceCatalog catalog,
      ServiceUrls urls,
      PublicReadCache publicReads) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (Service service : catalog.services()) {
      if (service.routes().isEmpty()) {
        continue;
      }
      String uri = urls.of(service);
      String[] streaming = paths(service, true);
      if (streaming.length > 0) {
        // answers that stay open (Server-Sent Events): no response timeout, no breaker, no retry
        routes.route(
            service.name() + "-streaming",
            route ->
                route
                    .order(-1)
                    .path(streaming)
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
                    .uri(uri));
      }
      routes.route(
          service.name(),
          route ->
              route
                  .path(paths(service, false))
                  .filters(
                      filters -> {
                        publicReads.filterFor(service).ifPresent(filters::filter);
                        return resilient(filters, service);
                      })
                  .uri(uri));
    }
    return routes.build();
  }

  private static String[] paths(Service service, boolean streaming) {
    return service.routes().stream()
        .filter(route -> route.streaming() == streaming)
        .map(Route::paths)
        .flatMap(java.util.List::stream)
        .toArray(String[]::new);
  }

  private static GatewayFilterSpec resilient(GatewayFilterSpec filters, Service service) {
    return filters
        .circuitBreaker(
            breaker ->
                breaker
                    .setName(service.name())
                    .setFallbackUri("forward:/fallback/" + service.name()))
        .retry(
            retry ->
                retry
                    .setRetries(2)
                    .setMethods(HttpMethod.GET)
                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                    .setExceptions(IOException.class, TimeoutException.class)
                    .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false));
  }
}
