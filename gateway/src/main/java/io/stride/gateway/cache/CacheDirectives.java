package io.stride.gateway.cache;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * Whether a service's answer may be kept by a shared cache, and for how long (RFC 9111 §3, §5.2):
 * only a 200 its service marked {@code public} with a positive {@code s-maxage} or {@code max-age},
 * without {@code private}, {@code no-store}, {@code no-cache} or a cookie, and varying on nothing
 * but what the cache keys on. Directives are parsed one by one, never compared as a whole header.
 */
final class CacheDirectives {

  /** Request headers an answer may vary on: the key holds them ({@link AnswerKey}). */
  static final Set<String> KEYED = Set.of("accept", "accept-encoding", "accept-language");

  /** Vary values the gateway's own CORS handling adds; decided again for every request. */
  static final Set<String> CORS =
      Set.of("origin", "access-control-request-method", "access-control-request-headers");

  private CacheDirectives() {}

  /**
   * How long the answer with these headers stays fresh here, at most {@code limit}; empty: never
   * kept.
   */
  static Optional<Duration> freshness(HttpHeaders headers, Duration limit) {
    if (headers.containsHeader(HttpHeaders.SET_COOKIE) || !variesOnlyOnKeyedHeaders(headers)) {
      return Optional.empty();
    }
    boolean isPublic = false;
    long maxAge = -1;
    long sharedMaxAge = -1;
    for (String value : headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)) {
      for (String directive : value.split(",")) {
        String[] parts = directive.trim().split("=", 2);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "public" -> isPublic = true;
          case "private", "no-store", "no-cache" -> {
            return Optional.empty();
          }
          case "max-age" -> maxAge = seconds(parts);
          case "s-maxage" -> sharedMaxAge = seconds(parts);
          default -> {}
        }
      }
    }
    long fresh = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
    if (!isPublic || fresh <= 0) {
      return Optional.empty();
    }
    Duration answer = Duration.ofSeconds(fresh);
    return Optional.of(answer.compareTo(limit) < 0 ? answer : limit);
  }

  private static boolean variesOnlyOnKeyedHeaders(HttpHeaders headers) {
    for (String value : headers.getOrEmpty(HttpHeaders.VARY)) {
      for (String name : value.split(",")) {
        String header = name.trim().toLowerCase(Locale.ROOT);
        if (!header.isEmpty() && !KEYED.contains(header) && !CORS.contains(header)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A directive's delta-seconds; -1 when missing or malformed (then the answer is not kept). */
  private static long seconds(String[] parts) {
    if (parts.length < 2) {
      return -1;
    }
    try {
      return Long.parseLong(parts[1].trim().replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Whether an {@code If-None-Match} value names this entity tag (weak comparison, RFC 9110
   * §13.1.2: {@code W/} is ignored, {@code *} matches any).
   */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    String tag = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String trimmed = candidate.trim();
      if (trimmed.equals("*") || opaque(trimmed).equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    String trimmed = tag.trim();
    return trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
  }
}
