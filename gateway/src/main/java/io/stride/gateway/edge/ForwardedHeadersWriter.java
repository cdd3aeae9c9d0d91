package io.stride.gateway.edge;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the {@code X-Forwarded-*} headers services rely on for redirects and client IPs, as the
 * last step before proxying (after the gateway's own removal of forwarded headers). Values come
 * from {@link EdgeRequestFilter}, which already refused what untrusted clients sent.
 */
@Component
class ForwardedHeadersWriter implements HttpHeadersFilter, Ordered {

  /** Hand-over headers from the edge filter; never forwarded as they are. */
  static final String ORIGINAL_PROTO = "X-Stride-Edge-Proto";

  static final String ORIGINAL_HOST = "X-Stride-Edge-Host";

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    HttpHeaders output = new HttpHeaders();
    output.putAll(input);
    String proto = output.getFirst(ORIGINAL_PROTO);
    String authority = output.getFirst(ORIGINAL_HOST);
    output.remove(ORIGINAL_PROTO);
    output.remove(ORIGINAL_HOST);
    output.set(
        "X-Forwarded-For", exchange.getAttributeOrDefault(ClientAddress.ATTRIBUTE, "unknown"));
    if (proto != null) {
      output.set("X-Forwarded-Proto", proto);
    }
    if (authority != null) {
      int colon = authority.lastIndexOf(':');
      boolean hasPort = colon > authority.lastIndexOf(']');
      output.set("X-Forwarded-Host", hasPort ? authority.substring(0, colon) : authority);
      output.set(
          "X-Forwarded-Port",
          hasPort ? authority.substring(colon + 1) : ("https".equals(proto) ? "443" : "80"));
    }
    return output;
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
