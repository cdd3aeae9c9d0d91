package io.stride.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.util.Set;

/**
 * Keeps query strings out of traces: they carry one-time secrets (an authorization code, a
 * password-reset token, a PKCE challenge) and what people search for. Every URL an observation
 * records (the server's and the HTTP clients', in the old and the OpenTelemetry naming) keeps its
 * path; the query is replaced by {@code ?…}.
 */
public final class UrlQueryRedaction implements ObservationFilter {

  static final Set<String> URL_KEYS = Set.of("http.url", "url.full", "url.query", "http.target");

  @Override
  public Observation.Context map(Observation.Context context) {
    for (String key : URL_KEYS) {
      KeyValue value = context.getHighCardinalityKeyValue(key);
      if (value != null) {
        context.addHighCardinalityKeyValue(KeyValue.of(key, redact(key, value.getValue())));
      }
      KeyValue low = context.getLowCardinalityKeyValue(key);
      if (low != null) {
        context.addLowCardinalityKeyValue(KeyValue.of(key, redact(key, low.getValue())));
      }
    }
    return context;
  }

  static String redact(String key, String url) {
    if (key.equals("url.query")) {
      return url.isEmpty() ? url : "…";
    }
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query) + "?…";
  }
}
