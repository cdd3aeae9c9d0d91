package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.stride.platform.test.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A route the catalog marks {@code streaming} (the notification stream) stays open past the
 * response timeout that bounds every other call.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "spring.cloud.gateway.server.webflux.httpclient.response-timeout=300ms",
      "stride.gateway.rate-limits.per-user=1000,1000",
      "stride.gateway.rate-limits.per-ip=1000,1000",
      "logging.structured.format.console="
    })
class GatewayStreamingIntegrationTests {

  /** Answers its first event at once and its second well after the response timeout. */
  static final SlowBackend backend = new SlowBackend(Duration.ofMillis(1500));

  @LocalServerPort int port;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    EchoBackend.route(registry, backend.url(), backend.url());
    registry.add("STRIDE_NOTIFICATION_URL", backend::url);
  }

  @AfterAll
  static void stop() {
    backend.server.stop(0);
  }

  @Test
  void theStreamKeepsFlowingPastTheResponseTimeoutWhileOtherCallsAreStillCut() throws Exception {
    String token = TestTokens.get().forUser(UUID.randomUUID(), "notifications:read");
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> stream =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> slowCall =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/notifications"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.body()).contains("data: first").contains("data: second");
    assertThat(slowCall.statusCode()).as("timed out: the fallback answers").isIn(503, 504);
    assertThat(slowCall.body()).contains("status");
  }

  static final class SlowBackend {
    final HttpServer server;

    SlowBackend(Duration pause) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.createContext(
          "/",
          exchange -> {
            boolean streaming = exchange.getRequestURI().getPath().endsWith("/stream");
            exchange
                .getResponseHeaders()
                .add("Content-Type", streaming ? "text/event-stream" : "application/json");
            if (!streaming) {
              pause(pause);
              byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
              exchange.close();
              return;
            }
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            pause(pause);
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A slow upstream: waits on a latch nobody counts down. */
    private static void pause(Duration pause) {
      try {
        new CountDownLatch(1).await(pause.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
