package io.stride.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge settings ({@code stride.gateway.*}).
 *
 * @param trustedProxies IPs or CIDR ranges of proxies in front of the gateway (WAF, ingress) whose
 *     X-Forwarded-For is believed; nobody else's is
 * @param maxBodySize default request body limit (a catalog route may declare a larger one)
 * @param rateLimits the request budgets
 * @param publicReadCache the short-lived cache of public answers (ADR 0025)
 */
@ConfigurationProperties("stride.gateway")
public record GatewayProperties(
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue RateLimits rateLimits,
    @DefaultValue PublicReadCache publicReadCache) {

  /**
   * How long a service's {@code public} answer on a {@code public-reads} route is answered from the
   * gateway's memory ({@code ttl}, at most; the service's {@code max-age} if shorter; {@code 0}
   * turns the cache off), how many answers are kept, and the largest body kept.
   */
  public record PublicReadCache(
      @DefaultValue("1s") Duration ttl,
      @DefaultValue("10000") long maxEntries,
      @DefaultValue("256KB") DataSize maxBodySize) {}

  /**
   * Token buckets ({@code rate per second, burst}): {@code perUser} for tokens issued to a user,
   * {@code perClient} for client-credentials tokens, {@code perIp} for anonymous calls, {@code
   * sensitivePerIp} for sign-in, registration and token requests. {@code store} is {@code memory}
   * (one replica) or {@code redis} (shared by all replicas; {@code spring.data.redis.*}).
   */
  public record RateLimits(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("memory") String store,
      @DefaultValue({"50", "100"}) List<Integer> perUser,
      @DefaultValue({"100", "200"}) List<Integer> perClient,
      @DefaultValue({"20", "40"}) List<Integer> perIp,
      @DefaultValue({"5", "20"}) List<Integer> sensitivePerIp,
      @DefaultValue("10m") Duration idleEviction) {}
}
