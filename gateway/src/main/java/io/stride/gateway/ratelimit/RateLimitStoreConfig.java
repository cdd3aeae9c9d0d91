package io.stride.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.gateway.edge.GatewayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** {@code stride.gateway.rate-limits.store}: {@code memory} (default) or {@code redis}. */
@Configuration
class RateLimitStoreConfig {

  @Bean
  @ConditionalOnProperty(name = "stride.gateway.rate-limits.store", havingValue = "redis")
  RateLimitStore redisRateLimitStore(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
    return new RedisRateLimitStore(redis, meters);
  }

  @Bean
  @ConditionalOnProperty(
      name = "stride.gateway.rate-limits.store",
      havingValue = "memory",
      matchIfMissing = true)
  RateLimitStore inMemoryRateLimitStore(GatewayProperties properties) {
    return new InMemoryRateLimitStore(properties.rateLimits().idleEviction());
  }
}
