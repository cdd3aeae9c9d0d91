package io.stride.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a CDN or any shared cache in front of the gateway may keep (docs/deployment.md, CDN rules):
 * only answers a service or the gateway marked {@code public}, which carry an entity tag and get
 * {@code Vary: Accept-Encoding} here. Every other answer leaves as {@code private, no-store},
 * whatever the service said, so a personal answer is never served to someone else.
 */
@Component
class CacheHeaders implements WebFilter, Ordered {

  static final String PRIVATE = "private, no-store";

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              apply(exchange.getResponse().getHeaders());
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  static void apply(HttpHeaders headers) {
    String cacheControl = headers.getCacheControl();
    if (cacheControl != null && cacheControl.contains("public")) {
      List<String> vary = new ArrayList<>(headers.getVary());
      if (vary.stream().noneMatch(HttpHeaders.ACCEPT_ENCODING::equalsIgnoreCase)) {
        vary.add(HttpHeaders.ACCEPT_ENCODING);
        headers.setVary(vary);
      }
      return;
    }
    headers.setCacheControl(PRIVATE);
    headers.remove(HttpHeaders.EXPIRES);
  }
}
