package io.stride.gateway;

import com.sun.net.httpserver.HttpServer;
import io.stride.platform.test.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real HTTP server standing in for a service behind the gateway: it answers with the headers it
 * received, so tests can see exactly what the gateway forwards.
 */
final class EchoBackend implements AutoCloseable {

  private final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  EchoBackend() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] requestBody = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name, String.join(",", values)));
          StringBuilder json =
              new StringBuilder("{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\",");
          json.append("\"bodyBytes\":").append(requestBody.length).append(",\"headers\":{");
          headers.forEach(
              (name, value) ->
                  json.append('"')
                      .append(name.toLowerCase())
                      .append("\":\"")
                      .append(value.replace("\"", "'"))
                      .append("\","));
          if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
          }
          json.append("}}");
          byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  /** Points a gateway under test at the test token issuer and at the given service URLs. */
  static void route(DynamicPropertyRegistry registry, String authUrl, String profileUrl) {
    TestTokens tokens = TestTokens.get();
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
    registry.add("STRIDE_AUTH_URL", () -> authUrl);
    registry.add("STRIDE_PROFILE_URL", () -> profileUrl);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
