package io.stride.gateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stride.contracts.auth.AppDisconnected;
import io.stride.contracts.auth.PasswordChanged;
import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.TopicWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The feed against a real broker: revocations published before the gateway started are read back
 * (as far as a token lives), later ones as they come; each covers exactly the tokens it names.
 */
class RevocationFeedIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void revocationsFromBeforeTheStartAndAfterItRefuseExactlyTheTokensIssuedBeforeThem() {
    UUID deleted = UUID.randomUUID();
    UUID disconnecting = UUID.randomUUID();
    UUID resetting = UUID.randomUUID();
    Instant before = Instant.now().minusSeconds(60);
    TopicWriter.send(new UserDeleted(deleted, Instant.now()));
    Revocations revocations = new Revocations(Duration.ofMinutes(16));
    RevocationFeed feed =
        new RevocationFeed(
            revocations,
            Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                StrideInfrastructure.get().kafkaBootstrapServers(),
                "group.id",
                "never-used-by-a-group-less-reader"),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    feed.start();
    try {
      await().atMost(WAIT).until(feed::caughtUp);
      assertThat(revocations.revoked(token(deleted, "stride-mobile", before)))
          .as("published before the start")
          .isTrue();

      TopicWriter.send(
          new AppDisconnected(disconnecting, "partner-demo", "Demo partner app", Instant.now()));
      TopicWriter.send(new PasswordChanged(resetting, Instant.now()));

      await()
          .atMost(WAIT)
          .until(() -> revocations.revoked(token(resetting, "stride-mobile", before)));
      await()
          .atMost(WAIT)
          .until(() -> revocations.revoked(token(disconnecting, "partner-demo", before)));
      assertThat(revocations.revoked(token(disconnecting, "stride-mobile", before)))
          .as("another app of the athlete keeps its tokens")
          .isFalse();
      assertThat(revocations.revoked(token(UUID.randomUUID(), "partner-demo", before)))
          .as("another athlete of the app keeps theirs")
          .isFalse();
      assertThat(revocations.revoked(token(deleted, "stride-mobile", Instant.now().plusSeconds(2))))
          .as("issued after the revocation")
          .isFalse();
    } finally {
      feed.stop();
    }
  }

  @Test
  void aRevocationIsForgottenOnceEveryTokenItCoveredHasExpired() {
    Revocations revocations = new Revocations(Duration.ofMinutes(16));
    UUID user = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    revocations.account(user.toString(), at);

    revocations.forgetBefore(at.plus(Duration.ofMinutes(15)));
    assertThat(revocations.revoked(token(user, "stride-mobile", at.minusSeconds(1)))).isTrue();

    revocations.forgetBefore(at.plus(Duration.ofMinutes(17)));
    assertThat(revocations.revoked(token(user, "stride-mobile", at.minusSeconds(1)))).isFalse();
  }

  @Test
  void aTokenIssuedInTheSecondOfTheRevocationIsKept() {
    Revocations revocations = new Revocations(Duration.ofMinutes(16));
    UUID user = UUID.randomUUID();
    Instant reset = Instant.parse("2026-12-07T10:00:00.700Z");
    revocations.account(user.toString(), reset);

    assertThat(
            revocations.revoked(
                token(user, "stride-mobile", Instant.parse("2026-12-07T09:59:59Z"))))
        .isTrue();
    assertThat(
            revocations.revoked(
                token(user, "stride-mobile", Instant.parse("2026-12-07T10:00:00Z"))))
        .as("the new sign-in right after the reset")
        .isFalse();
  }

  private static Jwt token(UUID user, String clientId, Instant issuedAt) {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .subject(user.toString())
        .claim("uid", user.toString())
        .claim("client_id", clientId)
        .issuedAt(issuedAt)
        .expiresAt(issuedAt.plus(Duration.ofMinutes(15)))
        .build();
  }
}
