package io.stride.gateway.edge;

import io.stride.platform.http.RequestPaths;
import io.stride.platform.http.RequestPaths.AmbiguousPathException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * First thing every request meets: settles the one path every later decision reads ({@link
 * RequestPaths}: {@code /%6Cogin} is {@code /login}; an ambiguous encoding is a 400), gives the
 * request an {@code X-Request-Id}, settles who the client is and which scheme and host it used
 * ({@link EdgeRequest}; the request itself is not copied — {@link UpstreamHeadersWriter} turns
 * these into the services' headers), and enforces the body size limit (413).
 */
@Component
class EdgeRequestFilter implements WebFilter, Ordered {

  static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern VALID_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  private final BodyLimits bodyLimits;
  private final ClientAddress clientAddress;

  EdgeRequestFilter(GatewayProperties properties, BodyLimits bodyLimits) {
    this.bodyLimits = bodyLimits;
    this.clientAddress = new ClientAddress(properties.trustedProxies());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String rawPath = request.getPath().value();
    String path;
    try {
      path = RequestPaths.canonical(rawPath);
    } catch (AmbiguousPathException e) {
      return ProblemResponses.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          "ambiguous-path",
          "Ambiguous request path",
          e.getMessage());
    }
    if (!path.equals(rawPath)) {
      // every later decision (routes, security rules, rate limits) and the service read one path
      request = request.mutate().path(path).build();
      exchange = exchange.mutate().request(request).build();
    }
    HttpHeaders headers = request.getHeaders();
    String requestId = headers.getFirst(REQUEST_ID);
    if (requestId == null || !VALID_REQUEST_ID.matcher(requestId).matches()) {
      requestId = UUID.randomUUID().toString();
    }
    String clientIp = clientAddress.of(request);
    boolean fromTrustedProxy = clientAddress.peerIsTrusted(request);
    String proto = fromTrustedProxy ? headers.getFirst("X-Forwarded-Proto") : null;
    String host = fromTrustedProxy ? headers.getFirst("X-Forwarded-Host") : null;
    exchange
        .getAttributes()
        .put(
            EdgeRequest.ATTRIBUTE,
            new EdgeRequest(
                clientIp,
                requestId,
                proto != null ? proto : request.getURI().getScheme(),
                host != null ? host : headers.getFirst(HttpHeaders.HOST)));
    exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);

    long limit = bodyLimits.forPath(path).toBytes();
    long declared = headers.getContentLength();
    if (declared > limit) {
      return ProblemResponses.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "Payload too large",
          "The request body is " + declared + " bytes; the limit here is " + limit + " bytes.");
    }
    if (declared >= 0 || bodiless(request)) {
      return chain.filter(exchange);
    }
    ServerHttpRequest limited = new SizeLimitedRequest(request, limit);
    return chain.filter(exchange.mutate().request(limited).build());
  }

  /** A GET or HEAD without {@code Transfer-Encoding} carries no body to count. */
  private static boolean bodiless(ServerHttpRequest request) {
    HttpMethod method = request.getMethod();
    return (method == HttpMethod.GET || method == HttpMethod.HEAD)
        && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
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
