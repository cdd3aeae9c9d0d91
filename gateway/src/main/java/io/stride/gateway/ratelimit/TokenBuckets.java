package io.stride.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * In-process token buckets, one per key. Each bucket refills at {@code ratePerSecond} up to {@code
 * burst}. Idle full buckets are forgotten so memory stays bounded by active callers.
 *
 * <p>This is the single-replica store (ADR 0003): with several gateway replicas each enforces its
 * own budget, so the effective limit is replicas × limit.
 */
final class TokenBuckets {

  /** How many requests per second a key may make, and how many at once. */
  record Limit(double ratePerSecond, int burst) {}

  /** The outcome for one request. */
  record Decision(
      boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {}

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  TokenBuckets(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  Decision take(String key, Limit limit) {
    long now = nanoClock.getAsLong();
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
    synchronized (bucket) {
      bucket.refill(limit, now);
      boolean allowed = bucket.tokens >= 1.0;
      if (allowed) {
        bucket.tokens -= 1.0;
      }
      double missing = limit.burst() - bucket.tokens;
      long reset = (long) Math.ceil(missing / limit.ratePerSecond());
      long retryAfter =
          allowed ? 0 : (long) Math.ceil((1.0 - bucket.tokens) / limit.ratePerSecond());
      return new Decision(
          allowed, limit.burst(), (int) Math.floor(bucket.tokens), reset, Math.max(1, retryAfter));
    }
  }

  /** Forgets buckets untouched for {@code idle}; they would be full again anyway. */
  void evictIdle(Duration idle) {
    long cutoff = nanoClock.getAsLong() - idle.toNanos();
    buckets.values().removeIf(bucket -> bucket.lastRefill < cutoff);
  }

  int size() {
    return buckets.size();
  }

  private static final class Bucket {
    private double tokens;
    private long lastRefill;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.lastRefill = now;
    }

    void refill(Limit limit, long now) {
      double elapsedSeconds = (now - lastRefill) / 1_000_000_000.0;
      tokens = Math.min(limit.burst(), tokens + elapsedSeconds * limit.ratePerSecond());
      lastRefill = now;
    }
  }
}
