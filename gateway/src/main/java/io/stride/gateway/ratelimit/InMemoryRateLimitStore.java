package io.stride.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;

/** Budgets in this process only: right for one replica (and the local run). */
final class InMemoryRateLimitStore implements RateLimitStore, DisposableBean {

  private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
  private final ScheduledExecutorService housekeeping =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "rate-limit-eviction");
            thread.setDaemon(true);
            return thread;
          });

  InMemoryRateLimitStore(Duration idleEviction) {
    long every = Math.max(1, idleEviction.toSeconds() / 2);
    housekeeping.scheduleAtFixedRate(
        () -> buckets.evictIdle(idleEviction), every, every, TimeUnit.SECONDS);
  }

  @Override
  public Mono<TokenBuckets.Decision> take(String key, TokenBuckets.Limit limit) {
    return Mono.just(buckets.take(key, limit));
  }

  @Override
  public void destroy() {
    housekeeping.shutdownNow();
  }
}
