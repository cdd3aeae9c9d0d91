package io.stride.notification.stream;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.social.Followed;
import io.stride.contracts.social.KudosGiven;
import io.stride.notification.stream.SseClient.Event;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The live stream of an inbox. Events reach connections only through Postgres LISTEN/NOTIFY (the
 * writer never calls the connections in-process), so what a test sees here is what a browser on
 * another replica sees.
 */
@StrideIntegrationTest
class StreamIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void aConnectedBrowserSeesANewNotificationAndItsReadingAsTheyHappen() throws Exception {
    UUID me = person(jdbc, "Live Reader");
    try (SseClient stream = open(me, null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(HttpJson.parse(stream.next("ready").data()).get("unread").asLong()).isZero();

      TopicWriter.send(
          new KudosGiven(UUID.randomUUID(), me, person(jdbc, "Quick Fan"), Instant.now()));
      Event arrived = stream.next("notification");
      JsonNode notification = HttpJson.parse(arrived.data());
      assertThat(notification.get("title").asString())
          .isEqualTo("Quick Fan gave kudos to your workout");
      assertThat(arrived.id()).isNotBlank();

      String id = notification.get("id").asString();
      http.post("/api/v1/notifications/" + id + "/read", writer(me), null);
      JsonNode read = HttpJson.parse(stream.next("read").data());
      assertThat(read.get("notificationId").asString()).isEqualTo(id);
      assertThat(read.get("unread").asLong()).isZero();
    }
  }

  @Test
  void aBrowserThatReconnectsWithLastEventIdGetsWhatItMissedInOrder() throws Exception {
    UUID me = person(jdbc, "Flaky Connection");
    String lastSeen;
    try (SseClient stream = open(me, null)) {
      stream.next("ready");
      TopicWriter.send(new Followed(person(jdbc, "Before"), me, false, Instant.now(), 1));
      lastSeen = stream.next("notification").id();
    }
    TopicWriter.send(new Followed(person(jdbc, "While Away 1"), me, false, Instant.now(), 1));
    TopicWriter.send(new Followed(person(jdbc, "While Away 2"), me, false, Instant.now(), 1));
    awaitStreamEvents(me, Long.parseLong(lastSeen) + 2);

    try (SseClient stream = open(me, lastSeen)) {
      Event first = stream.next("notification");
      Event second = stream.next("notification");
      assertThat(Long.parseLong(first.id())).isEqualTo(Long.parseLong(lastSeen) + 1);
      assertThat(Long.parseLong(second.id())).isEqualTo(Long.parseLong(lastSeen) + 2);
      assertThat(HttpJson.parse(first.data()).get("title").asString())
          .isEqualTo("While Away 1 started following you");
    }
  }

  @Test
  void aBrowserAwayLongerThanTheStreamIsKeptIsToldToReload() throws Exception {
    UUID me = person(jdbc, "Long Gone");
    TopicWriter.send(new Followed(person(jdbc, "Old News"), me, false, Instant.now(), 1));
    TopicWriter.send(new Followed(person(jdbc, "Older News"), me, false, Instant.now(), 1));
    awaitStreamEvents(me, 2);
    jdbc.update("delete from notification.stream_event where user_id = ?", me);

    try (SseClient stream = open(me, "1")) {
      assertThat(HttpJson.parse(stream.next("reset").data()).get("unread").asLong()).isEqualTo(2);
    }
  }

  @Test
  void anIdleStreamGetsHeartbeatsAndABadLastEventIdIsRefused() throws Exception {
    UUID me = person(jdbc, "Idle Watcher");
    try (SseClient stream = open(me, null)) {
      assertThat(stream.next(":").data()).isEqualTo("heartbeat");
    }
    Reply refused =
        http.send(
            http.request("/api/v1/notifications/stream", reader(me))
                .header("Last-Event-ID", "yesterday")
                .GET()
                .build());
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Last-Event-ID");
  }

  @Test
  void aChangeCommittedByAnotherReplicaReachesTheBrowsersConnectedHere() throws Exception {
    UUID me = person(jdbc, "Other Replica Reader");
    try (SseClient stream = open(me, null)) {
      stream.next("ready");
      // what another replica's StreamLog commits: a numbered stream event and the wake-up call
      UUID id = UUID.randomUUID();
      jdbc.update(
          "insert into notification.notification (notification_id, user_id, type, group_key,"
              + " actor_count, created_at, updated_at, noticed_at, in_app) values (?, ?,"
              + " 'password-changed', ?, 0, now(), now(), now(), true)",
          id,
          me,
          "password:" + id);
      long seq =
          jdbc.queryForObject(
              "update notification.person set stream_seq = stream_seq + 1 where user_id = ?"
                  + " returning stream_seq",
              Long.class,
              me);
      jdbc.update(
          "insert into notification.stream_event (user_id, seq, kind, notification_id, at)"
              + " values (?, ?, 'notification', ?, now())",
          me,
          seq,
          id);
      jdbc.queryForList("select pg_notify('notification_stream', ?)", me.toString());

      Event arrived = stream.next("notification");
      assertThat(arrived.id()).isEqualTo(Long.toString(seq));
      assertThat(HttpJson.parse(arrived.data()).get("title").asString())
          .isEqualTo("Your password was changed");
    }
  }

  private SseClient open(UUID user, String lastEventId) {
    return new SseClient(
        "http://127.0.0.1:" + port + "/api/v1/notifications/stream", reader(user), lastEventId);
  }

  private void awaitStreamEvents(UUID user, long seq) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select stream_seq from notification.person where user_id = ?",
                        Long.class,
                        user)
                    >= seq);
  }
}
