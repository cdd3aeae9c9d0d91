package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.TestTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's cache of public answers (ADR 0025) in front of a real HTTP server standing in for
 * region-service, whose public-reads route it is. The freshness limit is long here so that what is
 * asserted is which requests reach the service, not timing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "stride.gateway.rate-limits.per-user=1000,1000",
      "stride.gateway.rate-limits.per-ip=1000,1000",
      "stride.gateway.public-read-cache.ttl=1h",
      "logging.structured.format.console="
    })
class GatewayPublicReadCacheIntegrationTests {

  static final RegionStandIn regions = new RegionStandIn();

  @LocalServerPort int port;
  @Autowired MeterRegistry meters;
  HttpJson http;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    EchoBackend.route(registry, "http://127.0.0.1:1", "http://127.0.0.1:1");
    registry.add("STRIDE_REGION_URL", regions::url);
  }

  @AfterAll
  static void stop() {
    regions.server.stop(0);
  }

  @BeforeEach
  void setUp() {
    http = new HttpJson("http://127.0.0.1:" + port);
  }

  private static String fresh(String name) {
    return "/api/v1/regions/" + name + "-" + UUID.randomUUID();
  }

  @Test
  void aPublicAnswerIsServedFromTheGatewayWhileFreshWithItsAgeAndThisRequestsOwnHeaders() {
    String path = fresh("public");

    Reply first = http.get(path, null);
    Reply second = http.get(path, null);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(regions.calls(path)).as("requests that reached the service").isEqualTo(1);
    assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(second.header("Cache-Control")).contains("public").contains("max-age=300");
    assertThat(second.header("Age")).isNotNull();
    assertThat(second.contentType()).startsWith("application/json");
    assertThat(second.header("X-Request-Id"))
        .isNotBlank()
        .isNotEqualTo(first.header("X-Request-Id"));
    assertThat(second.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(second.header("RateLimit-Remaining")).isNotNull();
    assertThat(hits()).isPositive();
  }

  @Test
  void aClientHoldingTheCurrentTagGets304EvenOnAMissAndTheServiceIsAskedForTheWholeAnswer() {
    String path = fresh("public");
    String tag = RegionStandIn.tagOf(path);

    Reply cold = conditional(path, tag);
    Reply warm = conditional(path, tag);
    Reply stale = conditional(path, "\"something-older\"");

    assertThat(cold.status()).isEqualTo(304);
    assertThat(cold.body()).isEmpty();
    assertThat(regions.lastIfNoneMatch.get(path))
        .as("the condition is the gateway's to answer, not the service's")
        .isEqualTo("none");
    assertThat(warm.status()).isEqualTo(304);
    assertThat(warm.header("ETag")).isEqualTo(tag);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains(path);
    assertThat(regions.calls(path)).isEqualTo(1);
  }

  @Test
  void anythingCarryingATokenOrACookieAlwaysReachesTheService() {
    String path = fresh("public");
    String token = TestTokens.get().forUser(UUID.randomUUID(), "profile:read");

    http.get(path, null);
    http.get(path, token);
    http.send(http.request(path, null).header("Cookie", "session=abc").GET().build());
    http.get(path, token);

    assertThat(regions.calls(path)).isEqualTo(4);
  }

  @Test
  void privateAndUncacheableAnswersAreNeverKeptHoweverTheirDirectivesAreWritten() {
    for (String kind : new String[] {"private", "no-store-combined", "no-max-age", "cookie"}) {
      String path = fresh(kind);

      Reply first = http.get(path, null);
      http.get(path, null);

      assertThat(first.status()).isEqualTo(200);
      assertThat(regions.calls(path)).as(kind).isEqualTo(2);
    }
  }

  @Test
  void aClientAskingForAFreshAnswerGetsOneFromTheService() {
    String path = fresh("public");

    http.get(path, null);
    http.send(http.request(path, null).header("Cache-Control", "no-cache").GET().build());

    assertThat(regions.calls(path)).isEqualTo(2);
  }

  @Test
  void aSuccessfulWriteThroughTheRouteDropsItsKeptAnswers() {
    String path = fresh("public");
    String token = TestTokens.get().forClient("stride-ops", "regions:admin");
    http.get(path, null);
    http.get(path, null);

    Reply changed = http.patch("/api/v1/regions/DE", token, Map.of("settings", Map.of()));
    http.get(path, null);

    assertThat(changed.status()).isEqualTo(200);
    assertThat(regions.calls(path)).isEqualTo(2);
  }

  @Test
  void anAnswerOtherThan200IsNotKept() {
    String path = fresh("missing");

    assertThat(http.get(path, null).status()).isEqualTo(404);
    http.get(path, null);

    assertThat(regions.calls(path)).isEqualTo(2);
  }

  private Reply conditional(String path, String tag) {
    return http.send(http.request(path, null).header("If-None-Match", tag).GET().build());
  }

  private double hits() {
    return meters
        .get("stride.gateway.cache.requests")
        .tag("route", "region-service")
        .tag("outcome", "hit")
        .counter()
        .count();
  }

  /**
   * Answers like region-service: {@code public} with a tag for {@code /public-…}; otherwise
   * whatever the path's name says. Counts what reaches it per path.
   */
  static final class RegionStandIn {
    final HttpServer server;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> lastIfNoneMatch = new ConcurrentHashMap<>();

    RegionStandIn() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            calls.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            lastIfNoneMatch.put(path, ifNoneMatch == null ? "none" : ifNoneMatch);
            exchange.getRequestBody().readAllBytes();
            var headers = exchange.getResponseHeaders();
            headers.add("Content-Type", "application/json");
            headers.add("ETag", tagOf(path));
            String name = path.substring(path.lastIndexOf('/') + 1);
            int status = 200;
            if (name.startsWith("public")) {
              headers.add("Cache-Control", "max-age=300, public, stale-if-error=86400");
            } else if (name.startsWith("private")) {
              headers.add("Cache-Control", "private, max-age=300");
            } else if (name.startsWith("no-store-combined")) {
              headers.add("Cache-Control", "public, max-age=300, no-store");
            } else if (name.startsWith("no-max-age")) {
              headers.add("Cache-Control", "public");
            } else if (name.startsWith("cookie")) {
              headers.add("Cache-Control", "public, max-age=300");
              headers.add("Set-Cookie", "seen=1");
            } else if (name.startsWith("missing")) {
              headers.add("Cache-Control", "public, max-age=300");
              status = 404;
            }
            byte[] body =
                ("{\"path\":\"" + path + "\",\"method\":\"" + exchange.getRequestMethod() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
    }

    static String tagOf(String path) {
      return "\"" + Integer.toHexString(path.hashCode()) + "\"";
    }

    int calls(String path) {
      AtomicInteger count = calls.get(path);
      return count == null ? 0 : count.get();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }
  }
}
