package io.stride.gateway.edge;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * First thing every request meets: gives it an {@code X-Request-Id}, drops headers only our own
 * infrastructure may set (forwarding, identity, internal), sets trustworthy {@code X-Forwarded-*}
 * for the services, and enforces the body size limit (413).
 */
@Component
class EdgeRequestFilter implements WebFilter, Ordered {

  static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private final GatewayProperties properties;
  private final ClientAddress clientAddress;

  EdgeRequestFilter(GatewayProperties properties) {
    this.properties = properties;
    this.clientAddress = new ClientAddress(properties.trustedProxies());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String clientIp = clientAddress.of(request);
    String requestId = request.getHeaders().getFirst(REQUEST_ID);
    if (requestId == null || !VALID_REQUEST_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    String id = requestId;
    exchange.getAttributes().put(ClientAddress.ATTRIBUTE, clientIp);
    exchange.getResponse().getHeaders().set(REQUEST_ID, id);

    long limit = properties.maxBodySizeFor(request.getPath().value()).toBytes();
    long declared = request.getHeaders().getContentLength();
    if (declared > limit) {
      return ProblemResponses.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "Payload too large",
          "The request body is " + declared + " bytes; the limit here is " + limit + " bytes.");
    }

    ServerHttpRequest cleaned =
        request.mutate().headers(headers -> rewriteHeaders(headers, request, clientIp, id)).build();
    ServerHttpRequest limited = declared >= 0 ? cleaned : new SizeLimitedRequest(cleaned, limit);
    return chain.filter(exchange.mutate().request(limited).build());
  }

  private void rewriteHeaders(
      HttpHeaders headers, ServerHttpRequest original, String clientIp, String requestId) {
    boolean fromTrustedProxy =
        original.getRemoteAddress() != null
            && original.getRemoteAddress().getAddress() != null
            && clientAddress.isTrusted(original.getRemoteAddress().getAddress().getHostAddress());
    String proto = fromTrustedProxy ? headers.getFirst("X-Forwarded-Proto") : null;
    String host = fromTrustedProxy ? headers.getFirst("X-Forwarded-Host") : null;
    for (String name : headers.headerNames().toArray(String[]::new)) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("x-forwarded-")
          || lower.equals("forwarded")
          || lower.equals("x-real-ip")
          || lower.startsWith("x-internal-")
          || lower.startsWith("x-stride-")
          || lower.equals("x-user-id")) {
        headers.remove(name);
      }
    }
    headers.set(
        ForwardedHeadersWriter.ORIGINAL_PROTO,
        proto != null ? proto : original.getURI().getScheme());
    String authority = host != null ? host : original.getHeaders().getFirst(HttpHeaders.HOST);
    if (authority != null) {
      headers.set(ForwardedHeadersWriter.ORIGINAL_HOST, authority);
    }
    headers.set(REQUEST_ID, requestId);
  }

  /** Counts a body of unknown length as it streams and stops it at the limit. */
  private static final class SizeLimitedRequest extends ServerHttpRequestDecorator {

    private final long limit;

    SizeLimitedRequest(ServerHttpRequest delegate, long limit) {
      super(delegate);
      this.limit = limit;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      long[] seen = {0};
      return super.getBody()
          .map(
              buffer -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit) {
                  DataBufferUtils.release(buffer);
                  throw new PayloadTooLargeException(limit);
                }
                return buffer;
              });
    }
  }
}
