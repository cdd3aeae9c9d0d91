package io.stride.integration.webhooks;

import static io.stride.integration.IntegrationFixtures.adminToken;
import static io.stride.integration.IntegrationFixtures.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Endpoint;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.integration.MovableClock;
import io.stride.integration.Receiver;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signing secret rotations: one overlap at a time, an immediate rotation for a leaked secret, an
 * old secret that stops signing when its overlap ends, and a repeated create that never shows a
 * secret issued later.
 */
@StrideIntegrationTest
class SecretRotationIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired MovableClock clock;

  private IntegrationFixtures fixtures() {
    return new IntegrationFixtures(http, dataSource);
  }

  @Test
  void aSecondRotationWhileTheReplacedSecretStillSignsIs409() {
    Partner partner = fixtures().partner();
    Endpoint endpoint = fixtures().endpoint(partner, "https://93.184.215.14/r", "workout.created");
    String rotations = IntegrationFixtures.endpoint(partner, endpoint) + "/secret-rotations";
    assertThat(http.post(rotations, adminToken(), Map.of("expiresInHours", 24)).status())
        .isEqualTo(201);

    HttpJson.Reply again = http.post(rotations, adminToken(), Map.of("expiresInHours", 24));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asString()).contains("expiresInHours 0");
  }

  @Test
  void anImmediateRotationDuringAnOverlapLeavesOnlyTheNewSecretSigning() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      String rotations = IntegrationFixtures.endpoint(partner, endpoint) + "/secret-rotations";
      http.post(rotations, adminToken(), Map.of("expiresInHours", 24));
      HttpJson.Reply leaked = http.post(rotations, adminToken(), Map.of("expiresInHours", 0));
      assertThat(leaked.status()).as(leaked.body()).isEqualTo(201);
      UUID athlete = fixtures().connectedAthlete(partner);

      fixtures().recorded(athlete, "public");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      Receiver.Request request = receiver.requests().get(0);
      assertThat(request.header("webhook-signature"))
          .isEqualTo(signature(leaked.json().get("secret").asString(), request));
    }
  }

  @Test
  void theReplacedSecretStopsSigningWhenItsOverlapEnds() throws Exception {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      Endpoint endpoint = fixtures().endpoint(partner, receiver.url(), "workout.created");
      HttpJson.Reply rotated =
          http.post(
              IntegrationFixtures.endpoint(partner, endpoint) + "/secret-rotations",
              adminToken(),
              Map.of("expiresInHours", 1));
      UUID athlete = fixtures().connectedAthlete(partner);
      clock.advance(Duration.ofMinutes(61));

      fixtures().recorded(athlete, "public");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      Receiver.Request request = receiver.requests().get(0);
      assertThat(request.header("webhook-signature").split(" "))
          .containsExactly(signature(rotated.json().get("secret").asString(), request));
    }
  }

  @Test
  void aRepeatedCreateAfterARotationIs409InsteadOfShowingTheRotatedSecret() {
    Partner partner = fixtures().partner();
    String key = UUID.randomUUID().toString();
    HttpJson.Reply created = http.send(create(partner, key));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    HttpJson.Reply repeated = http.send(create(partner, key));
    assertThat(repeated.json().get("secret").asString())
        .as("a repeat before any rotation answers the same")
        .isEqualTo(created.json().get("secret").asString());
    String endpointId = created.json().get("endpoint").get("id").asString();
    http.post(
        IntegrationFixtures.endpoints(partner) + "/" + endpointId + "/secret-rotations",
        adminToken(),
        Map.of("expiresInHours", 24));

    HttpJson.Reply afterRotation = http.send(create(partner, key));

    assertThat(afterRotation.status()).isEqualTo(409);
    assertThat(afterRotation.body()).doesNotContain("whsec_");
    assertThat(afterRotation.json().get("detail").asString()).contains("rotat");
  }

  private HttpRequest create(Partner partner, String key) {
    return http.request(IntegrationFixtures.endpoints(partner), adminToken())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(
            HttpRequest.BodyPublishers.ofString(
                HttpJson.toJson(
                    Map.of(
                        "url",
                        "https://93.184.215.14/k",
                        "eventTypes",
                        List.of("workout.created")))))
        .build();
  }
}
