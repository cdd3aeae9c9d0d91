package io.stride.platform.web;

import java.time.Duration;

/**
 * The caller did this too often (429 with {@code Retry-After}): a per-user limit of the service's
 * own, such as comments per minute, beside the gateway's per-client budgets.
 */
public class TooManyRequestsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyRequestsException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
