package io.stride.gateway.ratelimit;

import io.stride.gateway.edge.ClientAddress;
import io.stride.gateway.edge.GatewayProperties;
import io.stride.gateway.edge.GatewayProperties.RateLimits;
import io.stride.gateway.edge.ProblemResponses;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Budgets requests per user (tokens issued to a user), per client (client-credentials tokens) and
 * per IP (anonymous calls), with a stricter per-IP budget on sign-in, registration and token
 * requests. Answers 429 problem+json with {@code Retry-After}; every answer carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered, DisposableBean {

  private static final Set<String> SENSITIVE_POSTS =
      Set.of(
          "/login",
          "/api/v1/accounts",
          "/oauth2/token",
          "/oauth2/device_authorization",
          "/activate",
          "/oauth2/device_verification");

  private final RateLimits limits;
  private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-eviction");
            thread.setDaemon(true);
            return thread;
          });

  RateLimitFilter(GatewayProperties properties) {
    this.limits = properties.rateLimits();
    long every = Math.max(1, limits.idleEviction().toSeconds() / 2);
    housekeeping.scheduleAtFixedRate(
        () -> buckets.evictIdle(limits.idleEviction()), every, every, TimeUnit.SECONDS);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 100;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    if (!limits.enabled()) {
      return chain.filter(exchange);
    }
    String ip = exchange.getAttributeOrDefault(ClientAddress.ATTRIBUTE, "unknown");
    return exchange
        .getPrincipal()
        .map(principal -> decide(exchange, ip, principal))
        .switchIfEmpty(Mono.fromSupplier(() -> decide(exchange, ip, null)))
        .flatMap(
            decision -> decision.allowed() ? chain.filter(exchange) : tooMany(exchange, decision));
  }

  private TokenBuckets.Decision decide(
      ServerWebExchange exchange, String ip, java.security.Principal principal) {
    if (exchange.getRequest().getMethod() == HttpMethod.POST
        && SENSITIVE_POSTS.contains(exchange.getRequest().getPath().value())) {
      TokenBuckets.Decision sensitive =
          buckets.take("sensitive:" + ip, limit(limits.sensitivePerIp()));
      if (!sensitive.allowed()) {
        return headers(exchange, sensitive);
      }
    }
    TokenBuckets.Decision decision;
    if (principal instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim("uid")) {
      decision =
          buckets.take("user:" + jwt.getToken().getClaimAsString("uid"), limit(limits.perUser()));
    } else if (principal instanceof Authentication client && client.isAuthenticated()) {
      decision = buckets.take("client:" + client.getName(), limit(limits.perClient()));
    } else {
      decision = buckets.take("ip:" + ip, limit(limits.perIp()));
    }
    return headers(exchange, decision);
  }

  private static TokenBuckets.Decision headers(
      ServerWebExchange exchange, TokenBuckets.Decision decision) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
    headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
    headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    return decision;
  }

  private static Mono<Void> tooMany(ServerWebExchange exchange, TokenBuckets.Decision decision) {
    exchange
        .getResponse()
        .getHeaders()
        .set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
    return ProblemResponses.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests",
        "Request budget used up; retry after " + decision.retryAfterSeconds() + " s.");
  }

  private static TokenBuckets.Limit limit(List<Integer> rateAndBurst) {
    return new TokenBuckets.Limit(rateAndBurst.get(0), rateAndBurst.get(1));
  }

  @Override
  public void destroy() {
    housekeeping.shutdownNow();
  }
}
