package io.stride.gateway.edge;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the edge established about a request before anything else ran: the real client IP, the
 * request id, and the scheme and authority the client used (believed from {@code X-Forwarded-*}
 * only when the peer is a trusted proxy). Kept as an exchange attribute and turned into upstream
 * headers once, when the request is proxied ({@link UpstreamHeadersWriter}).
 */
public record EdgeRequest(String clientIp, String requestId, String proto, String authority) {

  static final String ATTRIBUTE = EdgeRequest.class.getName();

  /** The client IP {@link EdgeRequestFilter} settled for this exchange ("unknown" before it). */
  public static String clientIpOf(ServerWebExchange exchange) {
    EdgeRequest edge = exchange.getAttribute(ATTRIBUTE);
    return edge == null ? "unknown" : edge.clientIp();
  }
}
