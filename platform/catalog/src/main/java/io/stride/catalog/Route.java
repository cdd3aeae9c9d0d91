package io.stride.catalog;

import java.util.List;

/**
 * Public paths the gateway sends to one service.
 *
 * @param paths exact paths, or prefixes ending in {@code /**} (which also take the prefix itself)
 * @param scopes the scopes these paths need (documentation and checks; the service enforces them)
 * @param maxBodySize a request body limit above the gateway's default (e.g. {@code 25MB}), or
 *     {@code null}
 * @param publicReads whether GET (and HEAD) on these paths needs no token at the gateway; the
 *     service decides the rest (writes, and what it answers)
 * @param streaming whether the answers stay open (Server-Sent Events): the gateway sets no response
 *     timeout, circuit breaker or retry on these paths
 * @param signed whether callers prove who they are by signing each request (partners' pushes,
 *     Standard Webhooks HMAC) instead of with an access token: the gateway lets these paths through
 *     without a token and the service verifies every request's signature
 */
public record Route(
    List<String> paths,
    List<String> scopes,
    String maxBodySize,
    boolean publicReads,
    boolean streaming,
    boolean signed) {

  public Route {
    paths = List.copyOf(paths);
    scopes = List.copyOf(scopes);
  }

  public Route(List<String> paths, List<String> scopes, String maxBodySize) {
    this(paths, scopes, maxBodySize, false, false, false);
  }

  /** Whether {@code path} (canonical, without query) is one of these paths. */
  public boolean matches(String path) {
    for (String pattern : paths) {
      if (pattern.endsWith("/**")) {
        String prefix = pattern.substring(0, pattern.length() - 3);
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
          return true;
        }
      } else if (path.equals(pattern)) {
        return true;
      }
    }
    return false;
  }
}
