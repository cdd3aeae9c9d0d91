package io.stride.integration.delivery;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, each wait
 * spread by ±20 % (so endpoints that failed together are not retried together). Plain code.
 */
final class Backoff {

  static final List<Duration> SCHEDULE =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10));

  private static final double JITTER = 0.2;

  private Backoff() {}

  /** The wait after the {@code failures}-th failed attempt (1 for the first). */
  static Duration after(int failures, RandomGenerator random) {
    Duration base = SCHEDULE.get(Math.min(Math.max(failures, 1), SCHEDULE.size()) - 1);
    double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
    return Duration.ofMillis(Math.round(base.toMillis() * factor));
  }
}
