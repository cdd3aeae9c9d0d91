package io.stride.gateway.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * A service's 200 as the cache keeps it: the body and only the headers that describe it; whatever
 * the gateway writes per request (request id, rate limits, CORS, security headers) is written again
 * for every request that gets it.
 */
record KeptAnswer(byte[] body, HttpHeaders headers, Instant stored, Instant freshUntil) {

  /**
   * The representation's headers a kept answer carries; a 304 carries them without content ones.
   */
  private static final List<String> DESCRIBING =
      List.of(
          HttpHeaders.CONTENT_TYPE,
          HttpHeaders.CONTENT_ENCODING,
          HttpHeaders.CONTENT_LANGUAGE,
          HttpHeaders.CACHE_CONTROL,
          HttpHeaders.ETAG,
          HttpHeaders.LAST_MODIFIED,
          HttpHeaders.EXPIRES);

  private static final Set<String> CONTENT =
      Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE);

  static KeptAnswer of(byte[] body, HttpHeaders from, Instant now, Duration freshness) {
    HttpHeaders kept = new HttpHeaders();
    for (String name : DESCRIBING) {
      List<String> values = from.get(name);
      if (values != null) {
        kept.put(name, List.copyOf(values));
      }
    }
    List<String> vary =
        from.getVary().stream()
            .filter(name -> !CacheDirectives.CORS.contains(name.toLowerCase(Locale.ROOT)))
            .toList();
    if (!vary.isEmpty()) {
      kept.setVary(vary);
    }
    return new KeptAnswer(body, kept, now, now.plus(freshness));
  }

  boolean freshAt(Instant now) {
    return now.isBefore(freshUntil);
  }

  String etag() {
    return headers.getETag();
  }

  /** Writes the kept headers onto a response; without the content ones for a 304. */
  void writeHeaders(HttpHeaders target, Instant now, boolean notModified) {
    headers.forEach(
        (name, values) -> {
          if (name.equals(HttpHeaders.VARY)) {
            List<String> vary = new java.util.ArrayList<>(target.getVary());
            values.stream().filter(value -> !vary.contains(value)).forEach(vary::add);
            target.setVary(vary);
          } else if (!(notModified && CONTENT.contains(name))) {
            target.put(name, values);
          }
        });
    target.set("Age", Long.toString(Math.max(0, Duration.between(stored, now).toSeconds())));
  }
}
