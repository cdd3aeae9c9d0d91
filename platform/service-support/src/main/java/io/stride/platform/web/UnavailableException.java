package io.stride.platform.web;

import java.time.Duration;

/**
 * The request is fine but cannot be served yet, e.g. a local copy it depends on has not been loaded
 * (503 with {@code Retry-After}): the client retries later unchanged.
 */
public class UnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public UnavailableException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
