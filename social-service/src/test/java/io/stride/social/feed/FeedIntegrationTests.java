package io.stride.social.feed;

import static io.stride.social.TestAthletes.publicAthlete;
import static io.stride.social.TestAthletes.reader;
import static io.stride.social.TestAthletes.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideInfrastructure;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The home feed: fan-out on write as visibility allows, events in any order or twice, follows
 * bringing workouts in and their ends taking them out, mutes, and the pull path for accounts too
 * large to fan out.
 */
@StrideIntegrationTest
class FeedIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aWorkoutReachesTheFeedsItsVisibilityAllowsAndItsOwnersAlways() {
    UUID owner = publicAthlete(jdbc, "Feed Owner");
    UUID follower = publicAthlete(jdbc, "Feed Follower");
    follow(follower, owner);
    UUID everyone = recorded(owner, "public", "2026-11-01T07:00:00Z");
    UUID followers = recorded(owner, "followers", "2026-11-02T07:00:00Z");
    UUID onlyMe = recorded(owner, "private", "2026-11-03T07:00:00Z");

    assertThat(feed(follower)).containsExactly(followers, everyone);
    assertThat(feed(owner)).containsExactly(onlyMe, followers, everyone);
    JsonNode item = http.get("/api/v1/social/feed", reader(follower)).json().get("items").get(0);
    assertThat(item.get("athlete").get("displayName").asString()).isEqualTo("Feed Owner");
    assertThat(item.get("distanceMeters").asDouble()).isEqualTo(10_000);
  }

  @Test
  void anUpdateBeforeItsRecordingRepeatsAndStaleStatesLeaveTheFeedAsTheNewestSays() {
    UUID owner = publicAthlete(jdbc, "Order Owner");
    UUID follower = publicAthlete(jdbc, "Order Follower");
    follow(follower, owner);
    UUID workout = UUID.randomUUID();

    send(
        new WorkoutUpdated(
            summary(workout, owner, "public", "Renamed", "2026-11-05T07:00:00Z"), 2));
    send(new WorkoutRecorded(summary(workout, owner, "public", "First", "2026-11-05T07:00:00Z")));
    EventEnvelope<StrideEvent> stale =
        send(
            new WorkoutUpdated(
                summary(workout, owner, "private", "Old", "2026-11-05T07:00:00Z"), 1));
    awaitProcessed(stale);

    assertThat(titles(follower)).containsExactly("Renamed");
    awaitProcessed(
        send(
            new WorkoutUpdated(
                summary(workout, owner, "private", "Hidden", "2026-11-05T07:00:00Z"), 3)));
    assertThat(feed(follower)).isEmpty();
    assertThat(titles(owner)).containsExactly("Hidden");

    awaitProcessed(send(new WorkoutDeleted(workout, owner)));
    awaitProcessed(
        send(
            new WorkoutUpdated(
                summary(workout, owner, "public", "Back?", "2026-11-05T07:00:00Z"), 4)));
    assertThat(feed(owner)).as("a deleted workout never comes back").isEmpty();
    assertThat(feed(follower)).isEmpty();
  }

  @Test
  void followingBringsRecentWorkoutsInAndUnfollowingOrBlockingTakesThemOut() {
    UUID owner = publicAthlete(jdbc, "Backfill Owner");
    UUID later = publicAthlete(jdbc, "Later Follower");
    UUID blocked = publicAthlete(jdbc, "Blocked Follower");
    UUID workout = recorded(owner, "followers", "2026-11-06T07:00:00Z");

    follow(later, owner);
    follow(blocked, owner);
    assertThat(feed(later)).containsExactly(workout);
    assertThat(feed(blocked)).containsExactly(workout);

    http.delete("/api/v1/social/following/" + owner, writer(later));
    http.put("/api/v1/social/blocks/" + blocked, writer(owner), null);
    assertThat(feed(later)).isEmpty();
    assertThat(feed(blocked)).isEmpty();
  }

  @Test
  void aMutedAthletesWorkoutsStayOutOfTheFeedUntilUnmuted() {
    UUID owner = publicAthlete(jdbc, "Muted Owner");
    UUID follower = publicAthlete(jdbc, "Muting Follower");
    follow(follower, owner);
    UUID workout = recorded(owner, "public", "2026-11-07T07:00:00Z");

    http.put("/api/v1/social/mutes/" + owner, writer(follower), null);
    assertThat(feed(follower)).isEmpty();
    http.delete("/api/v1/social/mutes/" + owner, writer(follower));
    assertThat(feed(follower)).containsExactly(workout);
  }

  @Test
  void anAccountTooLargeToFanOutIsReadFromTheCopyAndMergedInOrder() {
    UUID star = publicAthlete(jdbc, "Star");
    UUID friend = publicAthlete(jdbc, "Friend Of Fan");
    UUID fan = publicAthlete(jdbc, "Fan");
    follow(fan, star);
    follow(fan, friend);
    jdbc.update("update social.athlete set followers = 1000000 where user_id = ?", star);

    UUID starOld = recorded(star, "public", "2026-11-08T07:00:00Z");
    UUID friendMiddle = recorded(friend, "public", "2026-11-09T07:00:00Z");
    UUID starNew = recorded(star, "followers", "2026-11-10T07:00:00Z");

    assertThat(
            jdbc.queryForObject(
                "select count(*) from social.feed_item where reader_id = ? and owner_id = ?",
                Integer.class,
                fan,
                star))
        .as("no rows fanned out to the star's followers")
        .isZero();
    assertThat(feed(fan)).containsExactly(starNew, friendMiddle, starOld);
    Reply first = http.get("/api/v1/social/feed?limit=2", reader(fan));
    Reply second =
        http.get(
            "/api/v1/social/feed?limit=2&cursor=" + first.json().get("nextCursor").asString(),
            reader(fan));
    assertThat(ids(first)).containsExactly(starNew, friendMiddle);
    assertThat(ids(second)).containsExactly(starOld);
    assertThat(second.json().get("nextCursor").isNull()).isTrue();
  }

  @Test
  void theRecordsAWorkoutSetAreShownWithItEvenWhenTheyArriveFirstAndGoWithIt() {
    UUID owner = publicAthlete(jdbc, "Record Owner");
    UUID follower = publicAthlete(jdbc, "Record Follower");
    follow(follower, owner);
    UUID workout = UUID.randomUUID();
    send(new PersonalRecordSet(owner, workout, "run", "5k", 5000, 1450.5, 1500.0));
    awaitProcessed(send(new PersonalRecordSet(owner, workout, "run", "1k", 1000, 270.0, null)));
    awaitProcessed(
        send(
            new WorkoutRecorded(
                summary(workout, owner, "public", "PR day", "2026-11-11T07:00:00Z"))));

    JsonNode records =
        http.get("/api/v1/social/feed", reader(follower))
            .json()
            .get("items")
            .get(0)
            .get("personalRecords");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("effort").asString()).isEqualTo("1k");
    assertThat(records.get(0).get("previousSeconds").isNull()).isTrue();
    assertThat(records.get(1).get("effort").asString()).isEqualTo("5k");
    assertThat(records.get(1).get("elapsedSeconds").asDouble()).isEqualTo(1450.5);
    assertThat(records.get(1).get("previousSeconds").asDouble()).isEqualTo(1500.0);

    awaitProcessed(send(new WorkoutDeleted(workout, owner)));
    awaitProcessed(send(new PersonalRecordSet(owner, workout, "run", "10k", 10000, 3000, null)));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from social.workout_record where workout_id = ?",
                Integer.class,
                workout))
        .as("a deleted workout's records go with it, and a late one is not kept")
        .isZero();
  }

  @Test
  void workoutEventsAreReadByOneConsumerPerPartitionSoFanOutsRunSideBySide() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.<String, Object>of(
                "bootstrap.servers", StrideInfrastructure.get().kafkaBootstrapServers()))) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                var group =
                    admin
                        .describeConsumerGroups(List.of("social-service"))
                        .all()
                        .get()
                        .get("social-service");
                long readers =
                    group.members().stream()
                        .filter(
                            member ->
                                member.assignment().topicPartitions().stream()
                                    .anyMatch(p -> p.topic().equals("stride.workout.workouts")))
                        .count();
                assertThat(readers).isEqualTo(3);
              });
    }
  }

  private void follow(UUID follower, UUID owner) {
    Reply followed = http.put("/api/v1/social/following/" + owner, writer(follower), null);
    assertThat(followed.status()).as(followed.body()).isEqualTo(200);
  }

  /** Records a workout of {@code owner} and waits until social-service has applied it. */
  private UUID recorded(UUID owner, String visibility, String start) {
    UUID workout = UUID.randomUUID();
    awaitProcessed(send(new WorkoutRecorded(summary(workout, owner, visibility, "Ride", start))));
    return workout;
  }

  private static WorkoutSummary summary(
      UUID workout, UUID owner, String visibility, String title, String start) {
    return new WorkoutSummary(
        workout,
        owner,
        "ride",
        title,
        Instant.parse(start),
        3600,
        3500L,
        10_000.0,
        120.0,
        700,
        140,
        visibility,
        "manual",
        List.of());
  }

  private static EventEnvelope<StrideEvent> send(StrideEvent event) {
    return TopicWriter.send(event);
  }

  private void awaitProcessed(EventEnvelope<StrideEvent> envelope) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.processed_event where event_id = ?",
                        Integer.class,
                        envelope.id())
                    == 1);
  }

  private List<UUID> feed(UUID reader) {
    return ids(http.get("/api/v1/social/feed", reader(reader)));
  }

  private List<String> titles(UUID reader) {
    List<String> titles = new ArrayList<>();
    http.get("/api/v1/social/feed", reader(reader))
        .json()
        .get("items")
        .forEach(item -> titles.add(item.get("title").asString()));
    return titles;
  }

  private static List<UUID> ids(Reply page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    page.json()
        .get("items")
        .forEach(item -> ids.add(UUID.fromString(item.get("workoutId").asString())));
    return ids;
  }
}
