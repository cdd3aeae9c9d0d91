package io.stride.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.catalog.Route;
import io.stride.catalog.Service;
import io.stride.gateway.edge.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.stereotype.Component;

/**
 * The gateway's short-lived cache of answers its services marked {@code public} (ADR 0025): for a
 * catalog route with {@code public-reads}, a GET without credentials is answered from memory while
 * the kept answer is fresh (the service's {@code max-age}, at most {@code
 * stride.gateway.public-read-cache.ttl}, 1 s by default), with a 304 when the client already holds
 * it. Anything with a token or cookie, any other method and anything not {@code public} goes to the
 * service as before; a successful write through the route drops the route's kept answers.
 */
@Component
public class PublicReadCache {

  enum Outcome {
    HIT,
    MISS,
    BYPASS
  }

  private final GatewayProperties.PublicReadCache settings;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Cache<AnswerKey, KeptAnswer> answers;
  private final Map<String, Map<Outcome, Counter>> outcomes = new ConcurrentHashMap<>();

  @Autowired
  PublicReadCache(GatewayProperties properties, MeterRegistry meters) {
    this(properties.publicReadCache(), Clock.systemUTC(), meters);
  }

  PublicReadCache(GatewayProperties.PublicReadCache settings, Clock clock, MeterRegistry meters) {
    this.settings = settings;
    this.clock = clock;
    this.meters = meters;
    this.answers =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfterWrite(settings.ttl().isZero() ? Duration.ofSeconds(1) : settings.ttl())
            .build();
  }

  /**
   * The filter for this service's route; empty when none of its routes has public reads, or off.
   */
  public Optional<GatewayFilter> filterFor(Service service) {
    List<Route> publicRoutes = service.routes().stream().filter(Route::publicReads).toList();
    if (publicRoutes.isEmpty() || settings.ttl().isZero()) {
      return Optional.empty();
    }
    return Optional.of(new PublicReadCacheFilter(this, service.name(), publicRoutes));
  }

  Optional<KeptAnswer> freshAnswer(AnswerKey key) {
    KeptAnswer kept = answers.getIfPresent(key);
    return kept != null && kept.freshAt(now()) ? Optional.of(kept) : Optional.empty();
  }

  void keep(AnswerKey key, KeptAnswer answer) {
    answers.put(key, answer);
  }

  /** After a successful write through a route: its kept answers may all be out of date. */
  void forgetRoute(String route) {
    answers.asMap().keySet().removeIf(key -> key.route().equals(route));
  }

  Duration ttl() {
    return settings.ttl();
  }

  long maxBodyBytes() {
    return settings.maxBodySize().toBytes();
  }

  Instant now() {
    return clock.instant();
  }

  void count(String route, Outcome outcome) {
    outcomes.computeIfAbsent(route, this::countersFor).get(outcome).increment();
  }

  private Map<Outcome, Counter> countersFor(String route) {
    Map<Outcome, Counter> counters = new java.util.EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder("stride.gateway.cache.requests")
              .description(
                  "GET requests on public-read routes: answered from the gateway's cache (hit),"
                      + " sent on and kept if public (miss), or sent on because they carry"
                      + " credentials or ask not to be served from a cache (bypass)")
              .tag("route", route)
              .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
              .register(meters));
    }
    return counters;
  }
}
