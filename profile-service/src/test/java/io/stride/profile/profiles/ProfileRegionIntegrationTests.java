package io.stride.profile.profiles;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileTopics;
import io.stride.contracts.region.RegionSettingsChanged;
import io.stride.contracts.region.RegionTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The athlete's region (ADR 0024): checked against profile-service's copy of region settings, fed
 * by RegionSettingsChanged on the state topic (sent here as region-service sends it), with the
 * region's minimum age applied, and published with the profile.
 */
@StrideIntegrationTest
class ProfileRegionIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired HttpJson http;
  @Autowired MeterRegistry meters;

  @Test
  void aRegionTheCopyKnowsIsStoredUpperCaseAndPublishedWithTheProfile() {
    regionArrives(region("NL", 16, 1));
    Reply held = http.get("/actuator/regions/NL", null);
    assertThat(held.json().get("revision").asLong()).isEqualTo(1);
    Reply copy = http.get("/actuator/regions", null);
    assertThat(copy.json().get("caughtUpWithTopic").asBoolean()).isTrue();
    assertThat(copy.json().get("revisions").get("NL").asLong()).isEqualTo(1);
    UUID userId = registered("Anna");
    try (TopicReader reader = new TopicReader(ProfileTopics.PROFILES.name())) {
      Reply changed = http.patch("/api/v1/profiles/me", writer(userId), object("region", "nl"));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.json().get("region").asString()).isEqualTo("NL");

      var events =
          reader.await(
              record -> record.key().equals(userId.toString()) && record.value().contains("\"NL\""),
              WAIT);
      assertThat(events).isNotEmpty();
      var envelope = HttpJson.parse(events.get(0).value());
      assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(2);
      assertThat(envelope.get("payload").get("region").asString()).isEqualTo("NL");
    }
  }

  @Test
  void aRegionTheCopyDoesNotKnowIs422NamingTheFieldAndABadCodeIs400() {
    regionArrives(region("BE", 13, 1));
    UUID userId = registered("Bram");
    Reply unknown = http.patch("/api/v1/profiles/me", writer(userId), object("region", "BE-ZZZ"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
    assertThat(unknown.json().get("errors").get(0).get("message").asString())
        .contains("BE-ZZZ is not a region");

    Reply malformed =
        http.patch("/api/v1/profiles/me", writer(userId), object("region", "Belgium"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("region");
  }

  @Test
  void theRegionsMinimumAgeAppliesToTheBirthDateAndToMovingThere() {
    regionArrives(region("AT", 14, 1));
    regionArrives(region("IT", 16, 1));
    UUID userId = registered("Luca");
    String fifteen = LocalDate.now().minusYears(15).minusDays(1).toString();

    Reply tooYoung =
        http.patch(
            "/api/v1/profiles/me", writer(userId), object("region", "IT", "birthDate", fifteen));
    assertThat(tooYoung.status()).isEqualTo(422);
    assertThat(tooYoung.body()).contains("birthDate").contains("at least 16 in IT");

    Reply allowed =
        http.patch(
            "/api/v1/profiles/me", writer(userId), object("region", "AT", "birthDate", fifteen));
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);

    Reply moving = http.patch("/api/v1/profiles/me", writer(userId), object("region", "IT"));
    assertThat(moving.status()).isEqualTo(422);
    assertThat(moving.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
  }

  @Test
  void theCopyKeepsTheNewestRevisionWhateverOrderAndHowOftenTheStatesArrive() {
    regionArrives(region("PT", 16, 2));
    regionArrives(region("PT", 13, 1)); // an older state, late
    regionArrives(region("PT", 16, 2)); // the same state again
    UUID userId = registered("Rita");
    String fourteen = LocalDate.now().minusYears(14).minusDays(1).toString();
    Reply refused =
        http.patch(
            "/api/v1/profiles/me", writer(userId), object("region", "PT", "birthDate", fourteen));
    assertThat(refused.status()).as("revision 2's minimum age").isEqualTo(422);

    regionArrives(region("PT", 13, 3));
    Reply allowed =
        http.patch(
            "/api/v1/profiles/me", writer(userId), object("region", "PT", "birthDate", fourteen));
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
  }

  /** Sends the state as region-service would and waits until the follower has applied it. */
  private void regionArrives(RegionSettingsChanged region) {
    double before = followed();
    TopicWriter.send(region);
    await().atMost(WAIT).until(() -> followed() > before);
  }

  private double followed() {
    return meters
        .get("stride.events.followed")
        .tag("topic", RegionTopics.REGIONS.name())
        .tag("outcome", "applied")
        .counter()
        .count();
  }

  private static RegionSettingsChanged region(String code, int minimumAge, long revision) {
    return new RegionSettingsChanged(
        code,
        code,
        code.substring(0, 2),
        null,
        "metric",
        List.of("en-" + code),
        "en-" + code,
        "EUR",
        List.of("Europe/Amsterdam"),
        "MONDAY",
        minimumAge,
        new RegionSettingsChanged.Legal("2026-01", 365),
        Map.of("leaderboards", true),
        revision);
  }

  private UUID registered(String name) {
    UUID userId = UUID.randomUUID();
    TopicWriter.send(new UserRegistered(userId, name, Instant.now()));
    String token = tokens.forUser(userId, "profile:read");
    await().atMost(WAIT).until(() -> http.get("/api/v1/profiles/me", token).status() == 200);
    return userId;
  }

  private static String writer(UUID userId) {
    return tokens.forUser(userId, "profile:write");
  }
}
