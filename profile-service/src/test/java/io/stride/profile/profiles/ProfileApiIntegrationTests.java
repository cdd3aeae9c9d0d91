package io.stride.profile.profiles;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.auth.AuthTopics;
import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileTopics;
import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Unblocked;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@StrideIntegrationTest
class ProfileApiIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;

  @Test
  void registeredUserGetsExactlyOneProfileEvenWhenTheEventArrivesTwice() {
    UUID userId = UUID.randomUUID();
    String event = registration(userId, "Ada Runner");

    publish(userId, event);
    publish(userId, event);
    publish(userId, registration(userId, "Ada Again")); // same account, another event id

    String token = tokens.forUser(userId, "profile:read");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/profiles/me", token).status() == 200);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from profile.processed_event where event_type = 'UserRegistered'"
                            + " and event_id in (select event_id from profile.processed_event)",
                        Long.class)
                    >= 2);
    assertThat(count("select count(*) from profile.profile where user_id = ?", userId))
        .isEqualTo(1);
    Reply me = http.get("/api/v1/profiles/me", token);
    assertThat(me.json().get("displayName").asString()).isEqualTo("Ada Runner");
    assertThat(me.json().get("units").asString()).isEqualTo("METRIC");
  }

  @Test
  void profileCreationAndUpdatesArePublishedAsProfileUpdated() {
    UUID userId = registered("Grace");
    try (TopicReader reader = new TopicReader(ProfileTopics.PROFILES.name())) {
      http.patch(
          "/api/v1/profiles/me",
          tokens.forUser(userId, "profile:write"),
          object("weightKg", 61.5, "timeZone", "Europe/Berlin"));

      var events =
          reader.await(
              record -> record.key().equals(userId.toString()) && record.value().contains("61.5"),
              Duration.ofSeconds(20));
      assertThat(events).isNotEmpty();
      var envelope = HttpJson.parse(events.get(0).value());
      assertThat(envelope.get("type").asString()).isEqualTo("ProfileUpdated");
      assertThat(envelope.get("source").asString()).isEqualTo("profile-service");
      assertThat(envelope.get("payload").get("timeZone").asString()).isEqualTo("Europe/Berlin");
      assertThat(envelope.get("trace").get("traceparent").asString()).startsWith("00-");
    }
  }

  @Test
  void ownerReadsAndUpdatesTheirProfile() {
    UUID userId = registered("Katherine");
    String token = tokens.forUser(userId, "profile:read", "profile:write");

    Reply updated =
        http.patch(
            "/api/v1/profiles/me",
            token,
            object(
                "heightCm",
                170,
                "weightKg",
                58.2,
                "maxHeartRate",
                188,
                "restingHeartRate",
                48,
                "birthDate",
                "1990-04-01",
                "units",
                "IMPERIAL",
                "defaultWorkoutVisibility",
                "PRIVATE"));

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    Reply me = http.get("/api/v1/profiles/me", token);
    assertThat(me.json().get("heightCm").asInt()).isEqualTo(170);
    assertThat(me.json().get("weightKg").asDouble()).isEqualTo(58.2);
    assertThat(me.json().get("units").asString()).isEqualTo("IMPERIAL");
    assertThat(me.json().get("defaultWorkoutVisibility").asString()).isEqualTo("PRIVATE");
    assertThat(me.json().get("displayName").asString()).isEqualTo("Katherine");
  }

  @Test
  void outOfRangeValuesAreRejectedWithTheFieldNamed() {
    UUID userId = registered("Out Of Range");
    Reply reply =
        http.patch(
            "/api/v1/profiles/me",
            tokens.forUser(userId, "profile:write"),
            object("heightCm", 300, "weightKg", 12));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("errors")).as(reply.body()).isNotNull();
    assertThat(reply.json().get("errors").toString()).contains("heightCm", "weightKg");
    assertThat(reply.json().get("detail").asString()).contains("heightCm");
  }

  @Test
  void rulesAcrossFieldsAnswer422() {
    UUID userId = registered("Rules");
    String token = tokens.forUser(userId, "profile:write");

    Reply restAboveMax =
        http.patch(
            "/api/v1/profiles/me", token, object("maxHeartRate", 110, "restingHeartRate", 115));
    Reply tooYoung =
        http.patch(
            "/api/v1/profiles/me",
            token,
            object("birthDate", Instant.now().toString().substring(0, 4) + "-01-01"));
    Reply notAZone = http.patch("/api/v1/profiles/me", token, object("timeZone", "Mars/Olympus"));

    assertThat(restAboveMax.status()).isEqualTo(422);
    assertThat(restAboveMax.json().get("errors").toString()).contains("restingHeartRate");
    assertThat(tooYoung.status()).isEqualTo(422);
    assertThat(tooYoung.json().get("errors").toString()).contains("birthDate");
    assertThat(notAZone.status()).isEqualTo(422);
    assertThat(notAZone.json().get("errors").toString()).contains("timeZone");
  }

  @Test
  void unknownFieldsCannotBeMassAssigned() {
    UUID userId = registered("Mass Assign");
    Reply reply =
        http.patch(
            "/api/v1/profiles/me",
            tokens.forUser(userId, "profile:write"),
            object("displayName", "x", "userId", UUID.randomUUID().toString()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errors").toString()).contains("userId");
    assertThat(
            http.get("/api/v1/profiles/me", tokens.forUser(userId, "profile:read"))
                .json()
                .get("displayName")
                .asString())
        .isEqualTo("Mass Assign");
  }

  @Test
  void malformedJsonIsA400Problem() {
    UUID userId = registered("Malformed");
    Reply reply =
        http.patch(
            "/api/v1/profiles/me", tokens.forUser(userId, "profile:write"), "{\"heightCm\": ");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void anotherUsersPrivateProfileIsNotFoundAndAPublicOneHidesHealthData() {
    UUID owner = registered("Private Person");
    UUID viewer = registered("Curious");
    http.patch(
        "/api/v1/profiles/me",
        tokens.forUser(owner, "profile:write"),
        object("weightKg", 70, "accountPrivacy", "PRIVATE"));
    String viewerToken = tokens.forUser(viewer, "profile:read");

    Reply hidden = http.get("/api/v1/profiles/" + owner, viewerToken);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.contentType()).startsWith("application/problem+json");
    assertThat(
            http.get("/api/v1/profiles/" + owner, tokens.forUser(owner, "profile:read")).status())
        .isEqualTo(200);

    http.patch(
        "/api/v1/profiles/me",
        tokens.forUser(owner, "profile:write"),
        object("accountPrivacy", "PUBLIC"));
    Reply visible = http.get("/api/v1/profiles/" + owner, viewerToken);
    assertThat(visible.status()).isEqualTo(200);
    assertThat(visible.json().has("weightKg")).isFalse();
    assertThat(visible.json().get("displayName").asString()).isEqualTo("Private Person");
    assertThat(http.get("/api/v1/profiles/" + UUID.randomUUID(), viewerToken).status())
        .isEqualTo(404);
  }

  @Test
  void aBlockHidesAPublicProfileFromBothPeopleUntilItIsLiftedAndOlderEventsChangeNothing() {
    UUID blocker = registered("Blocking Athlete");
    UUID blocked = registered("Blocked Athlete");
    String blockerReads = tokens.forUser(blocker, "profile:read");
    String blockedReads = tokens.forUser(blocked, "profile:read");
    assertThat(http.get("/api/v1/profiles/" + blocker, blockedReads).status()).isEqualTo(200);

    TopicWriter.send(new Blocked(blocker, blocked, Instant.now(), 20));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/profiles/" + blocker, blockedReads).status() == 404);
    Reply other = http.get("/api/v1/profiles/" + blocked, blockerReads);
    assertThat(other.status()).as("hidden both ways").isEqualTo(404);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(http.get("/api/v1/profiles/" + blocker, blockerReads).status())
        .as("one's own profile stays")
        .isEqualTo(200);

    TopicWriter.send(new Unblocked(blocker, blocked, Instant.now(), 21));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/profiles/" + blocker, blockedReads).status() == 200);
    var replayed = TopicWriter.send(new Blocked(blocker, blocked, Instant.now(), 20));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                count(
                        "select count(*) from profile.processed_event where event_id = ?",
                        replayed.id())
                    == 1);
    assertThat(http.get("/api/v1/profiles/" + blocker, blockedReads).status())
        .as("a replayed older block does not come back")
        .isEqualTo(200);
  }

  @Test
  void scopesLimitWhatATokenMayDo() {
    UUID userId = registered("Scoped");
    Reply readOnlyWrites =
        http.patch(
            "/api/v1/profiles/me", tokens.forUser(userId, "profile:read"), object("heightCm", 180));
    Reply deviceReads = http.get("/api/v1/profiles/me", tokens.forUser(userId, "readings:write"));
    Reply clientActsAsUser =
        http.get("/api/v1/profiles/me", tokens.forClient("partner-demo", "profile:read"));

    assertThat(readOnlyWrites.status()).isEqualTo(403);
    assertThat(readOnlyWrites.contentType()).startsWith("application/problem+json");
    assertThat(deviceReads.status()).isEqualTo(403);
    assertThat(clientActsAsUser.status()).isEqualTo(403);
  }

  @Test
  void partnerAppsSeePublicProfilesOnly() {
    UUID open = registered("Open Athlete");
    UUID closed = registered("Closed Athlete");
    http.patch(
        "/api/v1/profiles/me",
        tokens.forUser(closed, "profile:write"),
        object("accountPrivacy", "PRIVATE"));
    String partner = tokens.forClient("partner-demo", "profile:read");

    assertThat(http.get("/api/v1/profiles/" + open, partner).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/profiles/" + closed, partner).status()).isEqualTo(404);
    assertThat(
            http.get("/api/v1/profiles/" + open, tokens.forClient("partner-demo", "readings:write"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void healthAndMetricsAnswerWithoutAToken() {
    assertThat(http.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    Reply metrics = http.get("/actuator/prometheus", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("stride_outbox_pending", "application=\"profile-service\"")
        .contains("http_server_requests_seconds_bucket");
  }

  private UUID registered(String name) {
    UUID userId = UUID.randomUUID();
    publish(userId, registration(userId, name));
    String token = tokens.forUser(userId, "profile:read");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> http.get("/api/v1/profiles/me", token).status() == 200);
    return userId;
  }

  private static String registration(UUID userId, String name) {
    var payload = new UserRegistered(userId, name, Instant.now());
    return HttpJson.toJson(
        new EventEnvelope<>(
            UUID.randomUUID(),
            "UserRegistered",
            "auth-service",
            Instant.now(),
            userId.toString(),
            1,
            Map.of(),
            payload));
  }

  private static void publish(UUID key, String value) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                "bootstrap.servers", StrideInfrastructure.get().kafkaBootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(AuthTopics.USERS.name(), key.toString(), value)).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
