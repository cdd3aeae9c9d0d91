package io.stride.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Budgets in Redis, shared by every gateway replica: one atomic Lua script per request refills and
 * takes from the bucket, timed by Redis's own clock so replicas need not agree on theirs. If Redis
 * cannot be reached the request is let through (and counted): a rate limiter must not take the
 * whole API down with it.
 */
final class RedisRateLimitStore implements RateLimitStore {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final RedisScript<List<Long>> TAKE =
      (RedisScript)
          RedisScript.of(
              """
          local rate = tonumber(ARGV[1])
          local burst = tonumber(ARGV[2])
          local time = redis.call('TIME')
          local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
          local state = redis.call('HMGET', KEYS[1], 't', 'ts')
          local tokens = tonumber(state[1])
          local stamp = tonumber(state[2])
          if tokens == nil then
            tokens = burst
            stamp = now
          end
          tokens = math.min(burst, tokens + math.max(0, now - stamp) / 1000.0 * rate)
          local allowed = 0
          if tokens >= 1 then
            tokens = tokens - 1
            allowed = 1
          end
          redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(now))
          redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
          local retry = 0
          if allowed == 0 then
            retry = math.ceil((1 - tokens) / rate)
          end
          return {allowed, math.floor(tokens), math.ceil((burst - tokens) / rate), retry}
          """,
              List.class);

  private final ReactiveStringRedisTemplate redis;
  private final Counter storeErrors;

  RedisRateLimitStore(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
    this.redis = redis;
    this.storeErrors =
        Counter.builder("stride.ratelimit.store.errors")
            .description("Requests let through because the rate-limit store did not answer")
            .register(meters);
  }

  @Override
  public Mono<TokenBuckets.Decision> take(String key, TokenBuckets.Limit limit) {
    return redis
        .execute(
            TAKE,
            List.of("stride:ratelimit:" + key),
            List.of(Double.toString(limit.ratePerSecond()), Integer.toString(limit.burst())))
        .next()
        .map(
            result ->
                new TokenBuckets.Decision(
                    result.get(0) == 1L,
                    limit.burst(),
                    result.get(1).intValue(),
                    result.get(2),
                    Math.max(1, result.get(3))))
        .onErrorResume(
            e -> {
              storeErrors.increment();
              log.warn("Rate-limit store unavailable, letting request through: {}", e.toString());
              return Mono.just(new TokenBuckets.Decision(true, limit.burst(), limit.burst(), 0, 0));
            });
  }
}
