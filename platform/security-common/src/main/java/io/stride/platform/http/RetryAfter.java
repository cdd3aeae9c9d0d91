package io.stride.platform.http;

import java.time.Duration;

/**
 * The value of a {@code Retry-After} header (RFC 9110 §10.2.3, whole seconds): the wait rounded
 * <em>up</em>, never below one second, so a client that waits exactly as long as it is told is not
 * turned away again.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** Whole seconds to wait, at least 1: 1.2 s is 2, 3.0 s is 3, 0 is 1. */
  public static long seconds(Duration wait) {
    if (wait.isNegative() || wait.isZero()) {
      return 1;
    }
    long whole = wait.toSeconds();
    return Math.max(1, wait.toNanosPart() > 0 ? whole + 1 : whole);
  }

  /** {@link #seconds(Duration)} as header text. */
  public static String header(Duration wait) {
    return Long.toString(seconds(wait));
  }
}
