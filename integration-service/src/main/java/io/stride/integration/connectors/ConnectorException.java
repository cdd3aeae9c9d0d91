package io.stride.integration.connectors;

import java.time.Instant;

/** What can go wrong talking to a platform, each with what a pull does next. */
abstract sealed class ConnectorException extends RuntimeException {

  ConnectorException(String message) {
    super(message);
  }

  /** The athlete's tokens no longer work (revoked there): they must link the account again. */
  static final class Unauthorized extends ConnectorException {
    Unauthorized(String message) {
      super(message);
    }
  }

  /** The platform's rate limit is used up until {@code retryAt}. */
  static final class RateLimited extends ConnectorException {
    private final Instant retryAt;

    RateLimited(String message, Instant retryAt) {
      super(message);
      this.retryAt = retryAt;
    }

    Instant retryAt() {
      return retryAt;
    }
  }

  /** The platform could not be reached or failed (5xx): try again later. */
  static final class Unavailable extends ConnectorException {
    Unavailable(String message) {
      super(message);
    }
  }

  /** The platform refused what was sent (an expired or unknown code): the athlete's to fix. */
  static final class Refused extends ConnectorException {
    Refused(String message) {
      super(message);
    }
  }
}
