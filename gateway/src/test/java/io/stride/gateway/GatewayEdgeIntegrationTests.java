package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.infra.FreePorts;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.TestTokens;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "stride.gateway.rate-limits.per-user=1000,1000",
      "stride.gateway.rate-limits.per-ip=1000,1000",
      "stride.gateway.rate-limits.sensitive-per-ip=1000,1000",
      "stride.gateway.max-body-size=1KB",
      "logging.structured.format.console="
    })
class GatewayEdgeIntegrationTests {

  static final EchoBackend backend = new EchoBackend();
  static final int deadPort = FreePorts.find();
  static final TestTokens tokens = TestTokens.get();

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;
  HttpJson http;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    EchoBackend.route(registry, backend.url(), "http://127.0.0.1:" + deadPort);
    registry.add("STRIDE_INTEGRATION_URL", backend::url);
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @BeforeEach
  void setUp() {
    http = new HttpJson("http://127.0.0.1:" + port);
  }

  @Test
  void registrationPassesWithoutATokenAndCarriesTrustworthyHeaders() {
    Reply reply =
        http.send(
            http.request("/api/v1/accounts", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-User-Id", "someone-else")
                .header("X-Internal-Role", "admin")
                .header("X-Request-Id", "client-chosen-id-123")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var seen = reply.json().get("headers");
    assertThat(seen.get("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
    assertThat(seen.has("x-user-id")).isFalse();
    assertThat(seen.has("x-internal-role")).isFalse();
    assertThat(seen.get("x-request-id").asString()).isEqualTo("client-chosen-id-123");
    assertThat(seen.get("traceparent")).as(reply.body()).isNotNull();
    assertThat(seen.get("traceparent").asString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    assertThat(reply.header("X-Request-Id")).isEqualTo("client-chosen-id-123");
    assertThat(reply.header("Cache-Control"))
        .as("an answer the service did not mark public is kept by no shared cache")
        .isEqualTo("private, no-store");
  }

  /** WebFlux security's own sign-in and sign-out pages must not answer for auth-service's. */
  @ParameterizedTest
  @ValueSource(strings = {"/logout", "/login"})
  void signInAndSignOutFormsReachAuthService(String path) {
    Reply reply =
        http.send(
            http.request(path, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=x"))
                .build());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("path").asString()).isEqualTo(path);
  }

  @Test
  void aClientsTraceIsContinuedToTheServiceWithTheGatewayAsParent() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String clientSpan = "00f067aa0ba902b7";
    Reply reply =
        http.send(
            http.request("/api/v1/accounts", null)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String forwarded = reply.json().get("headers").get("traceparent").asString();
    assertThat(forwarded).startsWith("00-" + traceId + "-").endsWith("-01");
    assertThat(forwarded).doesNotContain(clientSpan);
  }

  @Test
  void everyResponseGetsARequestIdAndSecurityHeaders() {
    Reply reply = http.get("/.well-known/openid-configuration", null);
    assertThat(reply.header("X-Request-Id")).isNotBlank();
    assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
  }

  @Test
  void apiCallsWithoutAValidTokenAre401ProblemsAtTheEdge() {
    UUID user = UUID.randomUUID();
    for (String token :
        new String[] {
          null,
          "garbage",
          tokens.expired(user, "profile:read"),
          tokens.forged(user, "profile:read"),
          tokens.wrongIssuer(user, "profile:read"),
          tokens.unsigned(user, "profile:read")
        }) {
      Reply reply = http.get("/api/v1/profiles/me", token);
      assertThat(reply.status()).as("token %s", token).isEqualTo(401);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }
  }

  @Test
  void aRouteTheCatalogMarksSignedPassesWithoutATokenAndTheRestOfItsServiceDoesNot() {
    Reply push =
        http.send(
            http.request("/api/v1/partner-pushes/" + UUID.randomUUID() + "/workouts", null)
                .header("Content-Type", "application/json")
                .header("webhook-signature", "v1,c2lnbmVk")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    Reply admin = http.get("/api/v1/integration/partners", null);

    assertThat(push.status()).as("the service checks the signature").isEqualTo(200);
    assertThat(push.json().get("headers").get("webhook-signature").asString())
        .isEqualTo("v1,c2lnbmVk");
    assertThat(admin.status()).isEqualTo(401);
  }

  @Test
  void aServiceThatIsDownAnswersAFast503Problem() {
    String token = tokens.forUser(UUID.randomUUID(), "profile:read");
    long started = System.nanoTime();
    Reply reply = http.get("/api/v1/profiles/me", token);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("detail").asString()).contains("profile-service");
    assertThat(millis).isLessThan(3_000);
  }

  @Test
  void bodiesOverTheLimitAre413WhetherDeclaredOrStreamed() {
    String big = "x".repeat(4096);
    Reply declared = http.post("/api/v1/accounts", null, "\"" + big + "\"");
    Reply streamed =
        http.send(
            http.request("/api/v1/accounts", null)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build());

    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.contentType()).startsWith("application/problem+json");
    assertThat(streamed.status()).isEqualTo(413);
  }

  @Test
  void operationalEndpointsAreOnTheManagementPortOnly() {
    assertThat(http.get("/actuator/prometheus", null).status()).isNotEqualTo(200);
    HttpJson management = new HttpJson("http://127.0.0.1:" + managementPort);
    Reply metrics = management.get("/actuator/prometheus", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("application=\"gateway\"");
    assertThat(management.get("/actuator/health/readiness", null).status()).isEqualTo(200);
  }

  @Test
  void corsAllowsConfiguredOriginsOnly() {
    Reply allowed =
        http.send(
            http.request("/api/v1/profiles/me", null)
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    Reply refused =
        http.send(
            http.request("/api/v1/profiles/me", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    assertThat(refused.status()).isEqualTo(403);
  }

  @Test
  void anEncodedPathIsRoutedAndForwardedInItsCanonicalForm() {
    Reply reply = http.post("/api/v1/%61ccount%73", null, "{}");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("path").asString()).isEqualTo("/api/v1/accounts");
  }

  @Test
  void ambiguousPathEncodingsAreRefusedBeforeAnyServiceSeesThem() {
    String token = tokens.forUser(UUID.randomUUID(), "profile:read");
    int before = backend.requests.get();
    for (String path :
        new String[] {
          "/api/v1/profiles%2Fme",
          "/api/v1/profiles/%2e%2e/accounts",
          "/api/v1/profiles/%252e%252e/accounts",
          "/api/v1/profiles/me;x=1",
          "/api/v1//profiles/me",
          "/api/v1/profiles/%00"
        }) {
      Reply reply = http.get(path, token);
      assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("detail").asString())
          .startsWith("The request path is ambiguous:");
    }
    assertThat(backend.requests.get()).isEqualTo(before);
  }
}
