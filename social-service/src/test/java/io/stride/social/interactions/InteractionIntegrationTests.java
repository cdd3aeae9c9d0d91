package io.stride.social.interactions;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.social.TestAthletes.privateAthlete;
import static io.stride.social.TestAthletes.publicAthlete;
import static io.stride.social.TestAthletes.reader;
import static io.stride.social.TestAthletes.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Kudos and comments: only where the workout can be seen, once, by the rules of each. */
@StrideIntegrationTest
class InteractionIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void kudosAreGivenOncePublishedOnceCountedInTheFeedAndTakenBack() {
    UUID owner = publicAthlete(jdbc, "Kudos Owner");
    UUID fan = publicAthlete(jdbc, "Kudos Fan");
    http.put("/api/v1/social/following/" + owner, writer(fan), null);
    UUID workout = recorded(owner, "public");
    String kudos = "/api/v1/social/workouts/" + workout + "/kudos";

    assertThat(http.put(kudos + "/mine", writer(fan), null).status()).isEqualTo(204);
    assertThat(http.put(kudos + "/mine", writer(fan), null).status()).isEqualTo(204);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from social.outbox_event where message_key = ?",
                Integer.class,
                workout.toString()))
        .as("one KudosGiven for two requests")
        .isEqualTo(1);
    JsonNode item = http.get("/api/v1/social/feed", reader(fan)).json().get("items").get(0);
    assertThat(item.get("kudosCount").asLong()).isEqualTo(1);
    assertThat(item.get("youGaveKudos").asBoolean()).isTrue();
    assertThat(
            http.get(kudos, reader(owner)).json().get("items").get(0).get("athleteId").asString())
        .isEqualTo(fan.toString());
    assertThat(http.put(kudos + "/mine", writer(owner), null).status())
        .as("kudos on one's own workout")
        .isEqualTo(422);

    assertThat(http.delete(kudos + "/mine", writer(fan)).status()).isEqualTo(204);
    assertThat(http.get(kudos, reader(owner)).json().get("items")).isEmpty();
  }

  @Test
  void nobodyInteractsWithAWorkoutTheyMayNotSee() {
    UUID owner = privateAthlete(jdbc, "Private Owner");
    UUID stranger = publicAthlete(jdbc, "Stranger");
    UUID workout = recorded(owner, "public");
    String path = "/api/v1/social/workouts/" + workout;

    assertThat(http.put(path + "/kudos/mine", writer(stranger), null).status()).isEqualTo(404);
    assertThat(http.post(path + "/comments", writer(stranger), object("text", "hi")).status())
        .isEqualTo(404);
    assertThat(http.get(path + "/comments", reader(stranger)).status()).isEqualTo(404);
    assertThat(
            http.put(
                    "/api/v1/social/workouts/" + UUID.randomUUID() + "/kudos/mine",
                    writer(stranger),
                    null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void aCommentIsPlainTextWithTheMentionsTheAuthorMaySeeAndItsAuthorOrTheOwnerDeletesIt() {
    UUID owner = publicAthlete(jdbc, "Comment Owner");
    UUID author = publicAthlete(jdbc, "Comment Author");
    UUID friend = publicAthlete(jdbc, "Mentioned Friend");
    UUID blocker = publicAthlete(jdbc, "Blocks The Author");
    http.put("/api/v1/social/blocks/" + author, writer(blocker), null);
    UUID workout = recorded(owner, "public");
    String comments = "/api/v1/social/workouts/" + workout + "/comments";
    String text = "<b>Great</b> climb @Mentioned Friend!";

    Reply added =
        http.post(
            comments, writer(author), object("text", text, "mentions", List.of(friend, blocker)));

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("text").asString()).as("kept as the text it is").isEqualTo(text);
    JsonNode mentions = added.json().get("mentions");
    assertThat(mentions).hasSize(1);
    assertThat(mentions.get(0).get("athleteId").asString()).isEqualTo(friend.toString());
    String id = added.json().get("commentId").asString();
    assertThat(http.get(comments, reader(blocker)).json().get("items"))
        .as("the blocker does not see the comments of the one they blocked")
        .isEmpty();

    Reply edited = http.patch(comments + "/" + id, writer(owner), object("text", "mine now"));
    assertThat(edited.status()).as("only the author edits").isEqualTo(404);
    assertThat(http.delete(comments + "/" + id, writer(friend)).status()).isEqualTo(404);
    assertThat(http.delete(comments + "/" + id, writer(owner)).status()).isEqualTo(204);
    assertThat(http.get(comments, reader(author)).json().get("items")).isEmpty();
  }

  @Test
  void onAFollowersOnlyWorkoutAMentionedFollowerIsKeptAndAMentionedNonFollowerIsDropped() {
    UUID owner = publicAthlete(jdbc, "Followers Owner");
    UUID follower = publicAthlete(jdbc, "Mentioned Follower");
    UUID outsider = publicAthlete(jdbc, "Mentioned Outsider");
    http.put("/api/v1/social/following/" + owner, writer(follower), null);
    UUID workout = recorded(owner, "followers");

    Reply added =
        http.post(
            "/api/v1/social/workouts/" + workout + "/comments",
            writer(owner),
            object(
                "text",
                "With @Mentioned Follower and @Mentioned Outsider",
                "mentions",
                List.of(follower, outsider)));

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().get("mentions"))
        .extracting(mention -> mention.get("athleteId").asString())
        .containsExactly(follower.toString());
    JsonNode event =
        HttpJson.parse(
            jdbc.queryForObject(
                "select envelope::text from social.outbox_event"
                    + " where event_type = 'CommentAdded' and message_key = ?",
                String.class,
                workout.toString()));
    assertThat(event.get("payload").get("mentionedIds"))
        .as("nobody is told of a workout they may not see")
        .extracting(JsonNode::asString)
        .containsExactly(follower.toString());
  }

  @Test
  void aCommentNeedsOneToTwoThousandCharactersOfMoreThanWhiteSpace() {
    UUID owner = publicAthlete(jdbc, "Length Owner");
    UUID workout = recorded(owner, "public");
    String comments = "/api/v1/social/workouts/" + workout + "/comments";

    assertThat(http.post(comments, writer(owner), object("text", "   ")).status()).isEqualTo(422);
    assertThat(http.post(comments, writer(owner), object("text", "x".repeat(2001))).status())
        .isEqualTo(400);
    assertThat(http.post(comments, writer(owner), object("text", "x".repeat(2000))).status())
        .isEqualTo(201);
  }

  @Test
  void theSameIdempotencyKeyGivesTheSameCommentAndTheEleventhInAMinuteIsRateLimited() {
    UUID owner = publicAthlete(jdbc, "Rate Owner");
    UUID workout = recorded(owner, "public");
    String comments = "/api/v1/social/workouts/" + workout + "/comments";
    HttpJson.Reply first =
        http.send(
            http.request(comments, writer(owner))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "comment-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"once\"}"))
                .build());
    HttpJson.Reply again =
        http.send(
            http.request(comments, writer(owner))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "comment-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"once\"}"))
                .build());
    assertThat(again.json().get("commentId").asString())
        .isEqualTo(first.json().get("commentId").asString());

    for (int i = 2; i <= Comments.PER_MINUTE; i++) {
      assertThat(http.post(comments, writer(owner), object("text", "comment " + i)).status())
          .isEqualTo(201);
    }
    Reply limited = http.post(comments, writer(owner), object("text", "one too many"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
  }

  @Test
  void aDeletedWorkoutTakesItsKudosAndCommentsWithIt() {
    UUID owner = publicAthlete(jdbc, "Deleting Owner");
    UUID fan = publicAthlete(jdbc, "Deleting Fan");
    UUID workout = recorded(owner, "public");
    String path = "/api/v1/social/workouts/" + workout;
    http.put(path + "/kudos/mine", writer(fan), null);
    http.post(path + "/comments", writer(fan), object("text", "nice"));

    awaitProcessed(TopicWriter.send(new WorkoutDeleted(workout, owner)));

    assertThat(
            jdbc.queryForObject(
                "select (select count(*) from social.kudos where workout_id = ?)"
                    + " + (select count(*) from social.comment where workout_id = ?)",
                Long.class,
                workout,
                workout))
        .isZero();
    assertThat(http.get(path + "/comments", reader(owner)).status()).isEqualTo(404);
  }

  private UUID recorded(UUID owner, String visibility) {
    UUID workout = UUID.randomUUID();
    awaitProcessed(
        TopicWriter.send(
            new WorkoutRecorded(
                new WorkoutSummary(
                    workout,
                    owner,
                    "run",
                    "Tempo",
                    Instant.parse("2026-11-20T07:00:00Z"),
                    2400,
                    2350L,
                    8000.0,
                    40.0,
                    null,
                    null,
                    visibility,
                    "manual",
                    List.of()))));
    return workout;
  }

  private void awaitProcessed(EventEnvelope<StrideEvent> envelope) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.processed_event where event_id = ?",
                        Integer.class,
                        envelope.id())
                    == 1);
  }
}
