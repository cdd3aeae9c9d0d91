package io.stride.gateway.cache;

import io.stride.catalog.Route;
import io.stride.gateway.cache.PublicReadCache.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One service's route through the {@link PublicReadCache}. Runs before the circuit breaker and the
 * retries, so an answer from memory touches neither; a miss is sent on without the client's
 * conditions (so the whole answer can be kept) and the client still gets its 304 when its tag is
 * the current one.
 */
final class PublicReadCacheFilter implements GatewayFilter, Ordered {

  /** Before the gateway's own response writer (order -1) so it writes through this filter. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2000;

  private final PublicReadCache cache;
  private final String route;
  private final List<Route> publicRoutes;

  PublicReadCacheFilter(PublicReadCache cache, String route, List<Route> publicRoutes) {
    this.cache = cache;
    this.route = route;
    this.publicRoutes = publicRoutes;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    HttpMethod method = request.getMethod();
    if (!HttpMethod.GET.equals(method)) {
      if (HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
        return chain.filter(exchange);
      }
      return chain.filter(exchange).doOnSuccess(done -> forgetAfterSuccessfulWrite(exchange));
    }
    String path = request.getPath().pathWithinApplication().value();
    if (publicRoutes.stream().noneMatch(publicRoute -> publicRoute.matches(path))) {
      return chain.filter(exchange);
    }
    if (carriesCredentials(request.getHeaders()) || refusesCachedAnswers(request.getHeaders())) {
      cache.count(route, Outcome.BYPASS);
      return chain.filter(exchange);
    }
    AnswerKey key = AnswerKey.of(route, request);
    String ifNoneMatch = request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
    Optional<KeptAnswer> kept = cache.freshAnswer(key);
    if (kept.isPresent()) {
      cache.count(route, Outcome.HIT);
      return answer(exchange.getResponse(), kept.get(), ifNoneMatch);
    }
    cache.count(route, Outcome.MISS);
    ServerHttpRequest unconditional =
        request
            .mutate()
            .headers(
                headers -> {
                  headers.remove(HttpHeaders.IF_NONE_MATCH);
                  headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
                })
            .build();
    return chain.filter(
        exchange
            .mutate()
            .request(unconditional)
            .response(new Keeping(exchange.getResponse(), key, ifNoneMatch))
            .build());
  }

  private Mono<Void> answer(ServerHttpResponse response, KeptAnswer kept, String ifNoneMatch) {
    boolean notModified = CacheDirectives.matches(ifNoneMatch, kept.etag());
    kept.writeHeaders(response.getHeaders(), cache.now(), notModified);
    if (notModified) {
      response.setStatusCode(HttpStatus.NOT_MODIFIED);
      return response.setComplete();
    }
    response.setStatusCode(HttpStatus.OK);
    response.getHeaders().setContentLength(kept.body().length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(kept.body())));
  }

  private void forgetAfterSuccessfulWrite(ServerWebExchange exchange) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status != null && status.value() < 400) {
      cache.forgetRoute(route);
    }
  }

  /** A token or a cookie: the answer may be someone's own, so it is neither served nor kept. */
  private static boolean carriesCredentials(HttpHeaders headers) {
    return headers.containsHeader(HttpHeaders.AUTHORIZATION)
        || headers.containsHeader(HttpHeaders.COOKIE);
  }

  /** {@code Cache-Control: no-cache} or {@code no-store}, or {@code Pragma: no-cache}. */
  private static boolean refusesCachedAnswers(HttpHeaders headers) {
    for (String value : headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)) {
      for (String directive : value.split(",")) {
        String name = directive.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("no-cache") || name.equals("no-store") || name.startsWith("max-age=0")) {
          return true;
        }
      }
    }
    return headers.getOrEmpty("Pragma").stream().anyMatch(v -> v.contains("no-cache"));
  }

  /** The client's response, keeping a copy of a keepable answer as it is written. */
  private final class Keeping extends ServerHttpResponseDecorator {

    private final AnswerKey key;
    private final String ifNoneMatch;

    Keeping(ServerHttpResponse delegate, AnswerKey key, String ifNoneMatch) {
      super(delegate);
      this.key = key;
      this.ifNoneMatch = ifNoneMatch;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      HttpStatusCode status = getStatusCode();
      Optional<Duration> freshness =
          status != null && status.value() == 200
              ? CacheDirectives.freshness(getHeaders(), cache.ttl())
              : Optional.empty();
      long declaredLength = getHeaders().getContentLength();
      if (freshness.isEmpty() || declaredLength > cache.maxBodyBytes()) {
        return super.writeWith(body);
      }
      return DataBufferUtils.join(body).flatMap(joined -> keepAndWrite(joined, freshness.get()));
    }

    private Mono<Void> keepAndWrite(DataBuffer joined, Duration freshness) {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      DataBufferUtils.release(joined);
      Instant now = cache.now();
      KeptAnswer kept = KeptAnswer.of(bytes, getHeaders(), now, freshness);
      if (bytes.length <= cache.maxBodyBytes()) {
        cache.keep(key, kept);
      }
      if (CacheDirectives.matches(ifNoneMatch, kept.etag())) {
        HttpHeaders headers = getHeaders();
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_TYPE);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CONTENT_LANGUAGE);
        setStatusCode(HttpStatus.NOT_MODIFIED);
        return setComplete();
      }
      return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
    }
  }
}
