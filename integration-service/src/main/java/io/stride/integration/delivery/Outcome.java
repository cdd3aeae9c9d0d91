package io.stride.integration.delivery;

import org.jspecify.annotations.Nullable;

/**
 * What one attempt came to. {@code kind} is a closed set (a metric tag): success, http_error (not a
 * 2xx), redirect (3xx, never followed), timeout, connect_error, refused_address (the host resolved
 * to an address webhooks may not go to), invalid_url, tls_error, io_error.
 */
record Outcome(
    String kind, @Nullable Integer statusCode, long durationMillis, @Nullable String error) {

  boolean success() {
    return kind.equals("success");
  }
}
