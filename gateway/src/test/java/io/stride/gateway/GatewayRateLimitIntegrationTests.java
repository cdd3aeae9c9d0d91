package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.server.port=0",
      "stride.gateway.rate-limits.per-user=2,4",
      "stride.gateway.rate-limits.per-ip=2,5",
      "stride.gateway.rate-limits.sensitive-per-ip=1,2",
      "logging.structured.format.console="
    })
class GatewayRateLimitIntegrationTests {

  static final EchoBackend backend = new EchoBackend();
  static final TestTokens tokens = TestTokens.get();

  @LocalServerPort int port;
  HttpJson http;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    EchoBackend.route(registry, backend.url(), backend.url());
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
  void anonymousCallersAreRateLimitedPerIpWithRetryAfter() {
    Reply last = null;
    for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
      last = http.get("/.well-known/jwks-" + i, null);
      assertThat(last.header("RateLimit-Limit")).isEqualTo("5");
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
    assertThat(last.header("RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void eachUserHasTheirOwnBudget() {
    String alice = tokens.forUser(UUID.randomUUID(), "profile:read");
    String bob = tokens.forUser(UUID.randomUUID(), "profile:read");
    Reply last = null;
    for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
      last = http.get("/api/v1/profiles/me", alice);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("RateLimit-Limit")).isEqualTo("4");
    assertThat(http.get("/api/v1/profiles/me", bob).status()).isEqualTo(200);
  }

  @Test
  void signInAndRegistrationHaveAStricterBudget() {
    Reply last = null;
    int allowed = 0;
    for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
      last = http.post("/api/v1/accounts", null, "{}");
      if (last.status() != 429) {
        allowed++;
      }
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(allowed).isLessThanOrEqualTo(2);
  }

  @Test
  void percentEncodedSpellingsOfSensitivePathsShareTheirStrictBudget() {
    for (String path : new String[] {"/api/v1/%61ccounts", "/%6Cogin", "/oauth2/%74oken"}) {
      Reply last = null;
      int allowed = 0;
      for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
        last = http.post(path, null, "{}");
        if (last.status() != 429) {
          allowed++;
        }
      }
      assertThat(last.status()).as(path).isEqualTo(429);
      // the strict budget (burst 2) answered, not the general per-IP one (burst 5)
      assertThat(last.header("RateLimit-Limit")).as(path).isEqualTo("2");
      assertThat(allowed).as(path).isLessThanOrEqualTo(2);
    }
  }
}
