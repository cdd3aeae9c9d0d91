package io.stride.gateway.ratelimit;

import io.stride.gateway.edge.EdgeRequest;
import io.stride.gateway.edge.GatewayProperties;
import io.stride.gateway.edge.GatewayProperties.RateLimits;
import io.stride.gateway.edge.ProblemResponses;
import java.security.Principal;
import java.util.List;
import java.util.Set;
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
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset}. Where the budgets live
 * is the {@link RateLimitStore}'s business (ADR 0003).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

  private static final Set<String> SENSITIVE_POSTS =
      Set.of(
          "/login",
          "/api/v1/accounts",
          "/register",
          "/forgot-password",
          "/reset-password",
          "/oauth2/token",
          "/oauth2/device_authorization",
          "/activate",
          "/oauth2/device_verification");

  private final RateLimits limits;
  private final RateLimitStore store;

  RateLimitFilter(GatewayProperties properties, RateLimitStore store) {
    this.limits = properties.rateLimits();
    this.store = store;
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
    String ip = EdgeRequest.clientIpOf(exchange);
    return exchange
        .getPrincipal()
        .map(principal -> new Caller(principal))
        .defaultIfEmpty(new Caller(null))
        .flatMap(caller -> sensitiveFirst(exchange, ip, caller.principal()))
        .flatMap(
            decision -> {
              headers(exchange, decision);
              return decision.allowed() ? chain.filter(exchange) : tooMany(exchange, decision);
            });
  }

  private Mono<TokenBuckets.Decision> sensitiveFirst(
      ServerWebExchange exchange, String ip, Principal principal) {
    boolean sensitive =
        exchange.getRequest().getMethod() == HttpMethod.POST
            && SENSITIVE_POSTS.contains(exchange.getRequest().getPath().value());
    if (!sensitive) {
      return budget(ip, principal);
    }
    return store
        .take("sensitive:" + ip, limit(limits.sensitivePerIp()))
        .flatMap(decision -> decision.allowed() ? budget(ip, principal) : Mono.just(decision));
  }

  private Mono<TokenBuckets.Decision> budget(String ip, Principal principal) {
    if (principal instanceof JwtAuthenticationToken jwt && jwt.getToken().hasClaim("uid")) {
      return store.take("user:" + jwt.getToken().getClaimAsString("uid"), limit(limits.perUser()));
    }
    if (principal instanceof Authentication client && client.isAuthenticated()) {
      return store.take("client:" + client.getName(), limit(limits.perClient()));
    }
    return store.take("ip:" + ip, limit(limits.perIp()));
  }

  private static void headers(ServerWebExchange exchange, TokenBuckets.Decision decision) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
    headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
    headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
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

  /** The optional principal, as a value Reactor can carry. */
  private record Caller(Principal principal) {}
}
