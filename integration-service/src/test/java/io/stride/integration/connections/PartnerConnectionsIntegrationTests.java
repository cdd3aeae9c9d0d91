package io.stride.integration.connections;

import static io.stride.integration.IntegrationFixtures.adminToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.AppDisconnected;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.integration.IntegrationTopics;
import io.stride.integration.IntegrationFixtures;
import io.stride.integration.IntegrationFixtures.Endpoint;
import io.stride.integration.IntegrationFixtures.Partner;
import io.stride.integration.MovableClock;
import io.stride.integration.Receiver;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Athletes connecting and disconnecting partners' apps: announced, and a disconnection stops
 * everything of the athlete going to the partner but the news of it ({@code athlete.deauthorized}).
 */
@StrideIntegrationTest
class PartnerConnectionsIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired MovableClock clock;

  private IntegrationFixtures fixtures() {
    return new IntegrationFixtures(http, dataSource);
  }

  @Test
  void connectingAPartnersAppAnnouncesItOnceWithWhatTheAthleteGrantedAndWhatTheyWillReceive() {
    Partner partner = fixtures().partner();
    fixtures()
        .endpoint(partner, "https://93.184.215.14/a", "workout.created", "athlete.deauthorized");
    UUID athlete = UUID.randomUUID();
    try (TopicReader connections = new TopicReader(IntegrationTopics.CONNECTIONS.name())) {
      fixtures().applied(linked(athlete, partner.clientId(), List.of("openid", "workouts:read")));
      fixtures().applied(linked(athlete, partner.clientId(), List.of("openid", "workouts:read")));

      List<ConsumerRecord<String, String>> announced =
          connections.await(ofType("PartnerConnected", athlete), 1, WAIT);
      assertThat(announced).hasSize(1);
      assertThat(announcements("PartnerConnected", athlete))
          .as("a repeated DeviceLinked announces nothing")
          .isOne();
      JsonNode payload = HttpJson.parse(announced.get(0).value()).get("payload");
      assertThat(payload.get("partnerId").asString()).isEqualTo(partner.id().toString());
      assertThat(payload.get("partnerName").asString()).isEqualTo("Acme Coaching");
      assertThat(payload.get("scopes").valueStream().map(JsonNode::asString))
          .containsExactly("openid", "workouts:read");
      assertThat(payload.get("eventTypes").valueStream().map(JsonNode::asString))
          .containsExactly("athlete.deauthorized", "workout.created");
    }
  }

  @Test
  void aClientNoPartnerHoldsIsKeptButNotAnnounced() {
    UUID athlete = UUID.randomUUID();
    fixtures().applied(linked(athlete, "stride-device", List.of("readings:write")));

    assertThat(
            jdbc.queryForObject(
                "select count(*) from integration.connection where user_id = ?",
                Integer.class,
                athlete))
        .isOne();
    assertThat(announcements("PartnerConnected", athlete)).isZero();
  }

  @Test
  void anAthleteWhoGrantedNoWorkoutsReadIsSentNoWorkoutEvenWhenThePartnerMayAskForIt() {
    try (Receiver receiver = new Receiver()) {
      Partner partner = fixtures().partner();
      fixtures().endpoint(partner, receiver.url(), "workout.created");
      UUID granted = UUID.randomUUID();
      UUID withheld = UUID.randomUUID();
      fixtures().applied(linked(granted, partner.clientId(), List.of("workouts:read")));
      fixtures().applied(linked(withheld, partner.clientId(), List.of("openid", "profile")));

      fixtures().recorded(withheld, "public");
      fixtures().recorded(granted, "public");

      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
      assertThat(
              HttpJson.parse(receiver.requests().get(0).body())
                  .get("data")
                  .get("athleteId")
                  .asString())
          .isEqualTo(granted.toString());
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from integration.delivery where user_id = ?",
                  Integer.class,
                  withheld))
          .isZero();
    }
  }

  @Test
  void disconnectingCancelsWhatWaitsSendsAthleteDeauthorizedAndStopsLaterWorkouts() {
    try (Receiver receiver = new Receiver().answering(500)) {
      Partner partner = fixtures().partner();
      Endpoint endpoint =
          fixtures().endpoint(partner, receiver.url(), "workout.created", "athlete.deauthorized");
      UUID athlete = fixtures().connectedAthlete(partner);
      Instant before = clock.instant();
      fixtures().recorded(athlete, "public");
      await().atMost(WAIT).until(() -> receiver.requests().size() == 1);

      try (TopicReader connections = new TopicReader(IntegrationTopics.CONNECTIONS.name())) {
        AppDisconnected disconnected =
            new AppDisconnected(athlete, partner.clientId(), "Acme Coaching", clock.instant());
        fixtures().applied(disconnected);
        fixtures().applied(disconnected);

        await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
        JsonNode body = HttpJson.parse(receiver.requests().get(1).body());
        assertThat(body.get("type").asString()).isEqualTo("athlete.deauthorized");
        assertThat(body.get("data").get("athleteId").asString()).isEqualTo(athlete.toString());
        assertThat(body.get("data").get("reason").asString()).isEqualTo("disconnected");
        assertThat(connections.await(ofType("PartnerDisconnected", athlete), 1, WAIT)).hasSize(1);
        assertThat(announcements("PartnerDisconnected", athlete))
            .as("the second AppDisconnected finds nothing to end")
            .isOne();
      }
      String deliveries = IntegrationFixtures.endpoint(partner, endpoint) + "/deliveries";
      HttpJson.Reply cancelled = http.get(deliveries + "?status=cancelled", adminToken());
      assertThat(cancelled.json().get("items").size()).as(cancelled.body()).isOne();
      assertThat(cancelled.json().get("items").get(0).get("eventType").asString())
          .isEqualTo("workout.created");

      fixtures().recorded(athlete, "public");
      HttpJson.Reply replay =
          http.post(
              IntegrationFixtures.endpoint(partner, endpoint) + "/replays",
              adminToken(),
              Map.of("since", before.toString()));
      assertThat(replay.json().get("requeued").asInt())
          .as("only the deauthorization: a cancelled delivery is never replayed")
          .isOne();
      clock.advance(Duration.ofMinutes(10));
      await().atMost(WAIT).until(() -> receiver.requests().size() == 3);
      assertThat(HttpJson.parse(receiver.requests().get(2).body()).get("type").asString())
          .isEqualTo("athlete.deauthorized");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from integration.delivery where user_id = ? and status ="
                      + " 'pending'",
                  Integer.class,
                  athlete))
          .as("nothing more waits for the partner")
          .isZero();
    }
  }

  @Test
  void aLinkOlderThanTheDisconnectionConnectsNothingAgainButANewerOneDoes() {
    Partner partner = fixtures().partner();
    UUID athlete = UUID.randomUUID();
    Instant linked = Instant.now().minusSeconds(60);
    fixtures().applied(new DeviceLinked(athlete, partner.clientId(), "Acme", linked, null));
    fixtures()
        .applied(new AppDisconnected(athlete, partner.clientId(), "Acme", linked.plusSeconds(30)));

    fixtures().applied(new DeviceLinked(athlete, partner.clientId(), "Acme", linked, null));
    assertThat(connectionsOf(athlete)).as("a replayed, older link").isZero();

    fixtures().applied(new DeviceLinked(athlete, partner.clientId(), "Acme", Instant.now(), null));
    assertThat(connectionsOf(athlete)).as("connected again, later").isOne();
  }

  private int connectionsOf(UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from integration.connection where user_id = ?", Integer.class, athlete);
  }

  /** Events of this type about the athlete written to the outbox (in the consuming transaction). */
  private int announcements(String type, UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from integration.outbox_event where event_type = ? and envelope::text like ?",
        Integer.class,
        type,
        "%" + athlete + "%");
  }

  private static DeviceLinked linked(UUID athlete, String clientId, List<String> scopes) {
    return new DeviceLinked(athlete, clientId, "Acme Coaching", Instant.now(), scopes);
  }

  private static Predicate<ConsumerRecord<String, String>> ofType(String type, UUID athlete) {
    return record ->
        record.key().equals(athlete.toString())
            && type.equals(HttpJson.parse(record.value()).get("type").asString());
  }
}
