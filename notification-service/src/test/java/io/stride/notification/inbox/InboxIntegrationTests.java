package io.stride.notification.inbox;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.CommentAdded;
import io.stride.contracts.social.FollowRequested;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.KudosGiven;
import io.stride.contracts.workout.GearDistanceReached;
import io.stride.contracts.workout.ImportFailed;
import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What the inbox tells people, once, and what they do with it. */
@StrideIntegrationTest
class InboxIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

  @Test
  void twelveKudosOnOneWorkoutAreOneNotificationNamingTheLatestAndCountingTheOthers() {
    UUID owner = person(jdbc, "Kudos Owner");
    UUID workout = UUID.randomUUID();
    List<UUID> givers = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      givers.add(person(jdbc, i == 12 ? "Ada Lovelace" : "Fan " + i));
    }
    EventEnvelope<StrideEvent> first = null;
    for (int i = 0; i < 12; i++) {
      EventEnvelope<StrideEvent> sent =
          TopicWriter.send(new KudosGiven(workout, owner, givers.get(i), now.plusSeconds(i)));
      first = first == null ? sent : first;
    }
    TopicWriter.send(first);
    TopicWriter.send(new KudosGiven(workout, owner, givers.get(3), now.plusSeconds(30)));

    JsonNode item = awaitItems(owner, 1).get(0);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> items(owner).get(0).get("actorCount").asInt() == 12);
    item = items(owner).get(0);
    assertThat(item.get("type").asString()).isEqualTo("kudos");
    assertThat(item.get("title").asString())
        .isEqualTo("Ada Lovelace and 11 others gave kudos to your workout");
    assertThat(item.get("actor").get("athleteId").asString()).isEqualTo(givers.get(11).toString());
    assertThat(item.get("link").asString()).isEqualTo("/workouts/" + workout);
    assertThat(item.get("read").asBoolean()).isFalse();
    assertThat(rows("select count(*) from notification.notification where user_id = ?", owner))
        .as("one row, not twelve; the replay and the repeated giver changed nothing")
        .isEqualTo(1);
    assertThat(
            rows(
                "select count(*) from notification.notification_actor a join"
                    + " notification.notification n using (notification_id) where n.user_id = ?",
                owner))
        .isEqualTo(12);
  }

  @Test
  void aNewKudosMakesAReadNotificationUnreadAgainAndMovesItUp() {
    UUID owner = person(jdbc, "Reread Owner");
    UUID workout = UUID.randomUUID();
    TopicWriter.send(new KudosGiven(workout, owner, person(jdbc, "First Fan"), now));
    String id = awaitItems(owner, 1).get(0).get("id").asString();
    assertThat(http.post("/api/v1/notifications/" + id + "/read", writer(owner), null).status())
        .isEqualTo(204);
    assertThat(unread(owner)).isZero();

    TopicWriter.send(
        new KudosGiven(workout, owner, person(jdbc, "Second Fan"), now.plusSeconds(5)));

    await().atMost(Duration.ofSeconds(30)).until(() -> unread(owner) == 1);
    JsonNode item = items(owner).get(0);
    assertThat(item.get("title").asString())
        .isEqualTo("Second Fan and one other gave kudos to your workout");
    assertThat(item.get("read").asBoolean()).isFalse();
  }

  @Test
  void followsRequestsApprovalsCommentsMentionsRecordsImportsAndDevicesEachSayWhatHappened() {
    UUID me = person(jdbc, "Me Myself");
    UUID grace = person(jdbc, "Grace Hopper");
    UUID workout = UUID.randomUUID();
    TopicWriter.send(new Followed(grace, me, false, now, 1));
    TopicWriter.send(new FollowRequested(person(jdbc, "Shy Asker"), me, now.plusSeconds(1), 1));
    TopicWriter.send(new Followed(me, grace, true, now.plusSeconds(2), 2));
    TopicWriter.send(
        new CommentAdded(
            UUID.randomUUID(),
            workout,
            me,
            grace,
            "Lovely  climb\n up there!",
            List.of(),
            now.plusSeconds(3)));
    TopicWriter.send(
        new CommentAdded(
            UUID.randomUUID(),
            UUID.randomUUID(),
            grace,
            grace,
            "with @Me",
            List.of(me),
            now.plusSeconds(4)));
    TopicWriter.send(new PersonalRecordSet(me, workout, "run", "5k", 5000, 1172.4, 1200.0));
    UUID importId = UUID.randomUUID();
    TopicWriter.send(
        new ImportFailed(
            me,
            importId,
            "lunch <run>.gpx",
            "The file ends before its last track" + " point",
            now.plusSeconds(6)));
    TopicWriter.send(new DeviceLinked(me, "stride-tracker", "Stride Tracker", now.plusSeconds(7)));

    List<String> titles =
        awaitItems(me, 7).stream().map(item -> item.get("title").asString()).toList();

    assertThat(titles)
        .contains(
            "Grace Hopper started following you",
            "Shy Asker asked to follow you",
            "Grace Hopper approved your follow request",
            "Grace Hopper commented on your workout",
            "Grace Hopper mentioned you in a comment",
            "New personal record: 5k in 19:32",
            "An upload could not become a workout",
            "New device linked to your account: Stride Tracker");
    JsonNode comment = byType(me, "comment");
    assertThat(comment.get("body").asString()).isEqualTo("\u201cLovely climb up there!\u201d");
    JsonNode failed = byType(me, "import-failed");
    assertThat(failed.get("body").asString())
        .isEqualTo("lunch <run>.gpx: The file ends before its last track point");
    assertThat(failed.get("link").asString()).isEqualTo("/imports/" + importId);
    assertThat(failed.get("actor").isNull()).isTrue();
  }

  @Test
  void gearThatReachedItsReminderDistanceIsToldOnceWithItsNameLeadingToTheGear() {
    UUID me = person(jdbc, "Gear Owner");
    UUID shoes = UUID.randomUUID();
    GearDistanceReached reached =
        new GearDistanceReached(
            me, shoes, "Trail shoes", "shoes", UUID.randomUUID(), 700_412.5, 700_000);
    TopicWriter.send(reached);
    // the same reminder told again (a replayed topic, a second publish): still one notification
    TopicWriter.send(reached);
    // behind both on the same topic and partition (key: the user): once it is in, both were read
    TopicWriter.send(new PersonalRecordSet(me, UUID.randomUUID(), "run", "5k", 5000, 1172.4, null));

    List<JsonNode> items = awaitItems(me, 2);
    assertThat(items.stream().filter(item -> item.get("type").asString().equals("gear-reminder")))
        .hasSize(1);
    JsonNode reminder = byType(me, "gear-reminder");
    assertThat(reminder.get("title").asString()).isEqualTo("Trail shoes reached 700 km");
    assertThat(reminder.get("link").asString()).isEqualTo("/gear/" + shoes);
  }

  @Test
  void nobodyIsToldOfWhatTheyDidThemselvesOrOfSomeoneInABlockWithThem() {
    UUID me = person(jdbc, "Blocker Me");
    UUID troll = person(jdbc, "Troll");
    UUID friend = person(jdbc, "Friend");
    UUID workout = UUID.randomUUID();
    TopicWriter.send(new KudosGiven(workout, me, troll, now));
    TopicWriter.send(new KudosGiven(workout, me, friend, now.plusSeconds(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !items(me).isEmpty() && items(me).get(0).get("actorCount").asInt() == 2);

    TopicWriter.send(new Blocked(me, troll, now.plusSeconds(2), 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> items(me).get(0).get("actorCount").asInt() == 1);
    assertThat(items(me).get(0).get("title").asString())
        .isEqualTo("Friend gave kudos to your workout");

    TopicWriter.send(new Followed(troll, me, false, now.plusSeconds(3), 5));
    TopicWriter.send(new KudosGiven(UUID.randomUUID(), me, me, now.plusSeconds(4)));
    TopicWriter.send(new Followed(friend, me, false, now.plusSeconds(5), 1));
    awaitItems(me, 2);
    assertThat(items(me))
        .extracting(item -> item.get("type").asString())
        .as("the troll's follow and my own kudos told nothing")
        .containsExactly("follow", "kudos");
  }

  @Test
  void theInboxIsPagedNewestFirstAndEachPersonReadsAndDeletesOnlyTheirOwn() {
    UUID me = person(jdbc, "Pager");
    UUID other = person(jdbc, "Someone Else");
    for (int i = 0; i < 5; i++) {
      TopicWriter.send(
          new Followed(person(jdbc, "Follower " + i), me, false, now.plusSeconds(i), 1));
    }
    awaitItems(me, 5);

    Reply first = http.get("/api/v1/notifications?limit=3", reader(me));
    assertThat(first.json().get("items")).hasSize(3);
    assertThat(first.json().get("items").get(0).get("title").asString())
        .isEqualTo("Follower 4 started following you");
    Reply second =
        http.get(
            "/api/v1/notifications?limit=3&cursor=" + first.json().get("nextCursor").asString(),
            reader(me));
    assertThat(second.json().get("items")).hasSize(2);
    assertThat(second.json().get("nextCursor").isNull()).isTrue();
    assertThat(http.get("/api/v1/notifications?cursor=nonsense", reader(me)).status())
        .isEqualTo(422);

    String id = first.json().get("items").get(0).get("id").asString();
    assertThat(http.post("/api/v1/notifications/" + id + "/read", writer(other), null).status())
        .isEqualTo(404);
    assertThat(http.delete("/api/v1/notifications/" + id, writer(other)).status()).isEqualTo(404);
    assertThat(http.post("/api/v1/notifications/" + id + "/read", reader(me), null).status())
        .as("reading needs notifications:write")
        .isEqualTo(403);
    assertThat(unread(me)).isEqualTo(5);

    assertThat(http.post("/api/v1/notifications/" + id + "/read", writer(me), null).status())
        .isEqualTo(204);
    assertThat(unread(me)).isEqualTo(4);
    assertThat(http.delete("/api/v1/notifications/" + id, writer(me)).status()).isEqualTo(204);
    assertThat(items(me)).hasSize(4);
    assertThat(http.post("/api/v1/notifications/read-all", writer(me), null).status())
        .isEqualTo(204);
    assertThat(unread(me)).isZero();
  }

  @Test
  void readAllLeavesUnreadWhatArrivedAfterWhatTheReaderSaw() {
    UUID me = person(jdbc, "Careful Reader");
    TopicWriter.send(new Followed(person(jdbc, "Early"), me, false, now.minusSeconds(60), 1));
    JsonNode seen = awaitItems(me, 1).get(0);
    TopicWriter.send(new Followed(person(jdbc, "Late"), me, false, now, 1));
    awaitItems(me, 2);

    http.post(
        "/api/v1/notifications/read-all?upTo=" + seen.get("updatedAt").asString(),
        writer(me),
        null);

    assertThat(unread(me)).isEqualTo(1);
    assertThat(items(me).get(0).get("read").asBoolean()).isFalse();
    assertThat(items(me).get(1).get("read").asBoolean()).isTrue();
  }

  @Test
  void theInboxSpeaksTheLanguageTheReaderAsksFor() {
    UUID me = person(jdbc, "Deutsch Leser");
    TopicWriter.send(new KudosGiven(UUID.randomUUID(), me, person(jdbc, "Anna"), now));
    awaitItems(me, 1);

    JsonNode item =
        http.send(
                http.request("/api/v1/notifications", reader(me))
                    .header("Accept-Language", "de-CH, en;q=0.5")
                    .GET()
                    .build())
            .json()
            .get("items")
            .get(0);

    assertThat(item.get("title").asString())
        .isEqualTo("Anna hat dir Kudos f\u00fcr dein Training gegeben");
  }

  private JsonNode byType(UUID user, String type) {
    for (JsonNode item : items(user)) {
      if (item.get("type").asString().equals(type)) {
        return item;
      }
    }
    throw new AssertionError("no " + type + " notification");
  }

  private List<JsonNode> awaitItems(UUID user, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> items(user).size() >= count);
    return items(user);
  }

  private List<JsonNode> items(UUID user) {
    Reply reply = http.get("/api/v1/notifications?limit=100", reader(user));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    reply.json().get("items").forEach(items::add);
    return items;
  }

  private long unread(UUID user) {
    return http.get("/api/v1/notifications/unread-count", reader(user))
        .json()
        .get("unread")
        .asLong();
  }

  private int rows(String sql, UUID user) {
    return jdbc.queryForObject(sql, Integer.class, user);
  }
}
