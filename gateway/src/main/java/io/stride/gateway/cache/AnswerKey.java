package io.stride.gateway.cache;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What a kept answer is found by: the route, the path with its query as the client sent it, and
 * every request header an answer may vary on ({@link CacheDirectives#KEYED}).
 */
record AnswerKey(
    String route,
    String pathAndQuery,
    String accept,
    String acceptEncoding,
    String acceptLanguage) {

  static AnswerKey of(String route, ServerHttpRequest request) {
    HttpHeaders headers = request.getHeaders();
    String query = request.getURI().getRawQuery();
    return new AnswerKey(
        route,
        request.getURI().getRawPath() + (query == null ? "" : "?" + query),
        String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT)),
        String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)),
        String.join(",", headers.getOrEmpty(HttpHeaders.ACCEPT_LANGUAGE)));
  }
}
