package io.stride.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.infra.FreePorts;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Two gateway replicas sharing a real Redis (the redis-server binary shipped in a Maven artifact)
 * enforce one budget between them, and let traffic through when Redis is gone.
 */
class GatewayRedisRateLimitIntegrationTests {

  static final TestTokens tokens = TestTokens.get();
  static EchoBackend backend;
  static RedisServer redis;
  static int redisPort;
  static final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    backend = new EchoBackend();
    redisPort = FreePorts.find();
    redis = new RedisServer(redisPort);
    redis.start();
    for (int i = 0; i < 2; i++) {
      replicas.add(
          new SpringApplicationBuilder(GatewayApplication.class)
              .run(
                  "--server.port=0",
                  "--management.server.port=0",
                  "--logging.structured.format.console=",
                  "--stride.gateway.rate-limits.store=redis",
                  "--stride.gateway.rate-limits.per-user=1,4",
                  "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                  "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                  "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                  "--STRIDE_AUTH_URL=" + backend.url(),
                  "--STRIDE_PROFILE_URL=" + backend.url()));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    replicas.forEach(ConfigurableApplicationContext::close);
    if (redis != null && redis.isActive()) {
      redis.stop();
    }
    backend.close();
  }

  static HttpJson replica(int index) {
    int port = ((WebServerApplicationContext) replicas.get(index)).getWebServer().getPort();
    return new HttpJson("http://127.0.0.1:" + port);
  }

  @Test
  void replicasShareOneBudgetPerUser() {
    String token = tokens.forUser(UUID.randomUUID(), "profile:read");
    int allowed = 0;
    Reply refused = null;
    long started = System.nanoTime();
    for (int i = 0; i < 12; i++) {
      Reply reply = replica(i % 2).get("/api/v1/profiles/me", token);
      if (reply.status() == 200) {
        allowed++;
      } else {
        assertThat(reply.status()).isEqualTo(429);
        refused = reply;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    // one shared bucket: a burst of 4 plus 1 per second, whichever replica served it; two
    // separate stores would allow twice that
    assertThat(allowed).isLessThanOrEqualTo(4 + (int) Math.ceil(seconds));
    assertThat(refused).as("some request was refused").isNotNull();
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void withRedisDownRequestsAreLetThrough() throws Exception {
    String token = tokens.forUser(UUID.randomUUID(), "profile:read");
    redis.stop();
    try {
      for (int i = 0; i < 6; i++) {
        assertThat(replica(0).get("/api/v1/profiles/me", token).status()).isEqualTo(200);
      }
    } finally {
      redis = new RedisServer(redisPort);
      redis.start();
    }
  }
}
