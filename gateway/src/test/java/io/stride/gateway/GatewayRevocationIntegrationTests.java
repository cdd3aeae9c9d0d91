package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.AppDisconnected;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A token of an app the athlete disconnected is refused at the edge at once, not when it expires
 * (ADR 0040); the athlete's other apps keep working.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.server.port=0", "logging.structured.format.console="})
class GatewayRevocationIntegrationTests {

  static final EchoBackend backend = new EchoBackend();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    EchoBackend.route(registry, backend.url(), backend.url());
    registry.add(
        "spring.kafka.bootstrap-servers", () -> StrideInfrastructure.get().kafkaBootstrapServers());
  }

  @AfterAll
  static void stopBackend() {
    backend.close();
  }

  @Test
  void aDisconnectedAppsTokenIs401AtOnceWhileTheAthletesOtherAppsPass() {
    HttpJson http = new HttpJson("http://127.0.0.1:" + port);
    UUID athlete = UUID.randomUUID();
    Instant issued = Instant.now().minusSeconds(30);
    String partners =
        TestTokens.get().forUserOfApp(athlete, "acme-coaching", issued, "profile:read");
    String mobile = TestTokens.get().forUserOfApp(athlete, "stride-mobile", issued, "profile:read");
    assertThat(http.get("/api/v1/profiles/me", partners).status()).isEqualTo(200);

    TopicWriter.send(new AppDisconnected(athlete, "acme-coaching", "Acme", Instant.now()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/api/v1/profiles/me", partners).status() == 401);
    Reply refused = http.get("/api/v1/profiles/me", partners);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(http.get("/api/v1/profiles/me", mobile).status()).isEqualTo(200);
  }
}
