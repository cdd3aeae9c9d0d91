package io.stride.notification.sources;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.withEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.integration.PartnerConnected;
import io.stride.contracts.integration.PartnerDisconnected;
import io.stride.notification.TestSettings;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** integration-service's connections in the athlete's inbox: what a partner receives, in words. */
@StrideIntegrationTest
class ConnectionNotificationsIntegrationTests {

  private static final List<String> SCOPES = List.of("profile:read", "workouts:read");

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void aConnectedPartnerIsToldInTheInboxOnlyWithWhatItReceivesInTheReadersWords() {
    String email = "connect-" + UUID.randomUUID() + "@example.com";
    UUID me = withEmail(jdbc, "Connect Me", email, "UTC", null);
    UUID partner = UUID.randomUUID();
    TopicWriter.send(
        connected(
            me,
            partner,
            "Acme Coach",
            List.of("athlete.deauthorized", "workout.created", "workout.updated"),
            now));

    JsonNode item = awaitItems(me, 1, "en").get(0);

    assertThat(item.get("type").asString()).isEqualTo("partner-connected");
    assertThat(item.get("title").asString()).isEqualTo("Acme Coach is connected");
    assertThat(item.get("body").asString())
        .isEqualTo(
            "It receives your new workouts, changes to your workouts and word when you"
                + " disconnect it.");
    assertThat(item.get("link").asString()).isEqualTo("/settings/connected-apps");
    assertThat(item.get("actor").isNull()).isTrue();
    JsonNode german = items(me, "de").get(0);
    assertThat(german.get("title").asString()).isEqualTo("Acme Coach ist verbunden");
    assertThat(german.get("body").asString())
        .isEqualTo(
            "Die App erh\u00e4lt deine neuen Trainings, \u00c4nderungen an deinen Trainings und"
                + " Bescheid, wenn du die Verbindung trennst.");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where user_id = ?", Integer.class, me))
        .as("in the inbox only: no email or push, though the address is verified")
        .isZero();
    JsonNode settings = http.get("/api/v1/notifications/settings", reader(me)).json();
    assertThat(TestSettings.channels(settings, "partner-connected"))
        .isEqualTo(Map.of("in_app", true, "push", false, "email", false));
    assertThat(TestSettings.type(settings, "partner-connected").get("switchable").asBoolean())
        .isTrue();
  }

  @Test
  void aPartnerWhoseEndpointsSendNothingYetReceivesNothingAndAnUnknownEventTypeIsNamedAsItIs() {
    UUID me = person(jdbc, "Quiet Partners");
    TopicWriter.send(connected(me, UUID.randomUUID(), "Nothing Yet", List.of(), now));
    TopicWriter.send(
        connected(
            me,
            UUID.randomUUID(),
            "Goal Tracker",
            List.of("goal.reached", "workout.created"),
            now.plusSeconds(1)));

    List<JsonNode> items = awaitItems(me, 2, "en");

    assertThat(items)
        .extracting(item -> item.get("title").asString() + " " + item.get("body").asString())
        .containsExactlyInAnyOrder(
            "Nothing Yet is connected It receives nothing of yours yet.",
            "Goal Tracker is connected It receives your new workouts and goal.reached.");
  }

  @Test
  void aDisconnectedPartnerIsToldInTheInboxOnly() {
    String email = "disconnect-" + UUID.randomUUID() + "@example.com";
    UUID me = withEmail(jdbc, "Disconnect Me", email, "UTC", null);
    TopicWriter.send(
        new PartnerDisconnected(me, UUID.randomUUID(), "Acme Coach", "acme-coach", now));

    JsonNode item = awaitItems(me, 1, "en").get(0);

    assertThat(item.get("type").asString()).isEqualTo("partner-disconnected");
    assertThat(item.get("title").asString()).isEqualTo("Acme Coach was disconnected");
    assertThat(item.get("body").asString())
        .isEqualTo("It no longer receives anything of yours from Stride, and its access ended.");
    assertThat(item.get("link").asString()).isEqualTo("/settings/connected-apps");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where user_id = ?", Integer.class, me))
        .isZero();
    JsonNode settings = http.get("/api/v1/notifications/settings", reader(me)).json();
    assertThat(TestSettings.channels(settings, "partner-disconnected"))
        .isEqualTo(Map.of("in_app", true, "push", false, "email", false));
  }

  @Test
  void aRedeliveredOrRepublishedConnectionIsOneNoticeWhileAReconnectionIsAnother() {
    UUID me = person(jdbc, "Twice Told");
    UUID partner = UUID.randomUUID();
    PartnerConnected connected =
        connected(me, partner, "Acme Coach", List.of("workout.created"), now);
    EventEnvelope<StrideEvent> first = TopicWriter.send(connected);
    // the same envelope again (a redelivery), the same fact in a new one (a second publish)
    TopicWriter.send(first);
    TopicWriter.send(connected);
    PartnerDisconnected disconnected =
        new PartnerDisconnected(me, partner, "Acme Coach", "acme-coach", now.plusSeconds(60));
    EventEnvelope<StrideEvent> gone = TopicWriter.send(disconnected);
    TopicWriter.send(gone);
    TopicWriter.send(disconnected);
    // behind them all on the athlete's partition: once it is in, every one before it was read
    TopicWriter.send(
        connected(me, partner, "Acme Coach", List.of("workout.created"), now.plusSeconds(120)));

    awaitItems(me, 3, "en");

    assertThat(items(me, "en"))
        .extracting(item -> item.get("type").asString())
        .as("newest first: the reconnection, the one disconnection, the one first connection")
        .containsExactly("partner-connected", "partner-disconnected", "partner-connected");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.notification where user_id = ?",
                Integer.class,
                me))
        .isEqualTo(3);
  }

  private static PartnerConnected connected(
      UUID me, UUID partner, String name, List<String> eventTypes, Instant at) {
    return new PartnerConnected(me, partner, name, "client-" + partner, SCOPES, eventTypes, at);
  }

  private List<JsonNode> awaitItems(UUID user, int count, String language) {
    await().atMost(Duration.ofSeconds(30)).until(() -> items(user, language).size() >= count);
    return items(user, language);
  }

  private List<JsonNode> items(UUID user, String language) {
    Reply reply =
        http.send(
            http.request("/api/v1/notifications?limit=100", reader(user))
                .header("Accept-Language", language)
                .GET()
                .build());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    reply.json().get("items").forEach(items::add);
    return items;
  }
}
