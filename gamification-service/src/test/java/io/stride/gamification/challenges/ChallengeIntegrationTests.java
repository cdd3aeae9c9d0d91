package io.stride.gamification.challenges;

import static io.stride.gamification.TestHistory.admin;
import static io.stride.gamification.TestHistory.player;
import static io.stride.gamification.TestHistory.reader;
import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.gamification.GamificationTopics;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubLeft;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Challenges through the API: who creates them, who sees and joins them, how progress adds up. */
@StrideIntegrationTest
class ChallengeIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  TestHistory history;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

  @BeforeEach
  void history() {
    history = new TestHistory(jdbc);
  }

  @Test
  void progressAddsUpTheWindowsCountedWorkoutsOfTheSportAndCompletionIsToldOnce() {
    UUID ops = UUID.randomUUID();
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary before =
        history.record(TestHistory.run(athlete, now.minus(3, ChronoUnit.DAYS), 6, 35));
    history.record(TestHistory.run(athlete, now.minus(40, ChronoUnit.DAYS), 20, 110));
    history.record(
        TestHistory.summary(
            UUID.randomUUID(), athlete, "ride", now.minus(2, ChronoUnit.DAYS), 40, 90, "file", 0));
    history.record(
        TestHistory.summary(
            UUID.randomUUID(), athlete, "run", now.minus(1, ChronoUnit.DAYS), 8, 45, "file", 3));
    JsonNode challenge = create(admin(ops), challenge("everyone", 10_000));
    String id = challenge.get("id").asString();

    try (TopicReader told = new TopicReader(GamificationTopics.PROGRESS.name())) {
      JsonNode joined = http.put(path(id) + "/participants/me", player(athlete), Map.of()).json();
      assertThat(joined.get("progress").asLong())
          .as(
              "the run before joining counts; the old run, the ride and the run under review do not")
          .isEqualTo(6000);
      assertThat(joined.get("completed").asBoolean()).isFalse();

      WorkoutSummary finisher =
          history.record(TestHistory.run(athlete, now.minus(2, ChronoUnit.HOURS), 5, 28));
      JsonNode mine = http.get(path(id) + "/participants/me", reader(athlete)).json();
      assertThat(mine.get("progress").asLong()).isEqualTo(11_000);
      assertThat(mine.get("workouts").asInt()).isEqualTo(2);
      assertThat(mine.get("completedWorkoutId").asString())
          .isEqualTo(finisher.workoutId().toString());
      var completed =
          told.await(
              r -> r.value().contains("ChallengeCompleted") && r.value().contains(id),
              Duration.ofSeconds(20));
      assertThat(completed).hasSize(1);
      JsonNode payload = HttpJson.parse(completed.get(0).value()).get("payload");
      assertThat(payload.get("achieved").asLong()).isEqualTo(11_000);
      assertThat(payload.get("workoutId").asString()).isEqualTo(finisher.workoutId().toString());

      history.send(new WorkoutDeleted(before.workoutId(), athlete));
      mine = http.get(path(id) + "/participants/me", reader(athlete)).json();
      assertThat(mine.get("progress").asLong()).isEqualTo(5000);
      assertThat(mine.get("completed").asBoolean())
          .as("a deleted workout takes its progress along")
          .isFalse();
      history.record(TestHistory.run(athlete, now.minus(1, ChronoUnit.HOURS), 6, 33));
      assertThat(
              http.get(path(id) + "/participants/me", reader(athlete))
                  .json()
                  .get("completed")
                  .asBoolean())
          .isTrue();
      assertThat(
              told.await(
                  r -> r.value().contains("ChallengeCompleted") && r.value().contains(id),
                  2,
                  Duration.ofSeconds(3)))
          .as("reaching the goal again is not told again")
          .hasSize(1);
    }
    assertThat(http.get(path(id), reader(athlete)).json().get("participants").asInt()).isEqualTo(1);
    assertThat(http.delete(path(id) + "/participants/me", player(athlete)).status()).isEqualTo(204);
    assertThat(http.get(path(id) + "/participants/me", reader(athlete)).status()).isEqualTo(404);
    assertThat(http.delete(path(id) + "/participants/me", player(athlete)).status())
        .as("leaving twice is fine")
        .isEqualTo(204);
  }

  @Test
  void onlyAdminsCreateChallengesForEveryoneAndClubAdminsForTheirClub() {
    UUID someone = history.athlete("UTC", null);
    var refused = http.post(base(), player(someone), challenge("everyone", 5000));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.json().get("detail").asString()).contains("Only admins");

    UUID club = UUID.randomUUID();
    UUID clubAdmin = history.athlete("UTC", null);
    UUID member = history.athlete("UTC", null);
    history.send(new ClubJoined(club, clubAdmin, "ADMIN", now));
    history.send(new ClubJoined(club, member, "MEMBER", now));
    Map<String, Object> clubChallenge = challenge("club", 5000);
    clubChallenge.put("clubId", club.toString());
    assertThat(http.post(base(), player(member), clubChallenge).status()).isEqualTo(403);
    JsonNode created = create(player(clubAdmin), clubChallenge);
    String id = created.get("id").asString();

    assertThat(http.get(path(id), reader(member)).status()).isEqualTo(200);
    assertThat(http.get(path(id), reader(someone)).status())
        .as("a club's challenge is not shown outside the club")
        .isEqualTo(404);
    assertThat(http.put(path(id) + "/participants/me", player(someone), Map.of()).status())
        .isEqualTo(404);
    assertThat(http.put(path(id) + "/participants/me", player(member), Map.of()).status())
        .isEqualTo(200);
    JsonNode list = http.get(base() + "?joined=true", reader(member)).json();
    assertThat(list.get("items").findValuesAsString("id")).containsExactly(id);

    var renamed = http.patch(path(id), player(clubAdmin), Map.of("title", "Club km, renamed"));
    assertThat(renamed.json().get("title").asString()).isEqualTo("Club km, renamed");
    assertThat(http.patch(path(id), player(member), Map.of("title", "mine")).status())
        .isEqualTo(403);
    history.send(new ClubLeft(club, clubAdmin, "left", now));
    assertThat(http.delete(path(id), player(clubAdmin)).status())
        .as("an admin who left the club manages its challenges no more")
        .isEqualTo(404);
    assertThat(http.delete(path(id), admin(UUID.randomUUID())).status()).isEqualTo(204);
    assertThat(http.get(path(id), reader(member)).status()).isEqualTo(404);
  }

  @Test
  void invalidChallengesAndLateJoinsGetAClearAnswer() {
    String ops = admin(UUID.randomUUID());
    Map<String, Object> noRegion = challenge("region", 5000);
    var missing = http.post(base(), ops, noRegion);
    assertThat(missing.status()).isIn(400, 422);
    assertThat(missing.body()).contains("region");
    Map<String, Object> badZone = challenge("everyone", 5000);
    badZone.put("timeZone", "Mars/Olympus");
    assertThat(http.post(base(), ops, badZone).body()).contains("timeZone");
    Map<String, Object> backwards = challenge("everyone", 5000);
    backwards.put("endsOn", today.minusDays(20).toString());
    assertThat(http.post(base(), ops, backwards).status()).isIn(400, 422);
    Map<String, Object> unsponsored = challenge("everyone", 5000);
    unsponsored.put("campaignId", "winter-2026");
    assertThat(http.post(base(), ops, unsponsored).body()).contains("campaignId");
    Map<String, Object> noTarget = challenge("everyone", 5000);
    noTarget.remove("target");
    var targetless = http.post(base(), ops, noTarget);
    assertThat(targetless.status()).isIn(400, 422);
    assertThat(targetless.body()).contains("target");
    Map<String, Object> plain = challenge("everyone", 5000);
    plain.remove("sponsored");
    assertThat(create(ops, plain).get("sponsored").asBoolean())
        .as("a challenge is not sponsored unless it says so")
        .isFalse();
    assertThat(http.post(base(), reader(UUID.randomUUID()), challenge("everyone", 5000)).status())
        .as("creating needs gamification:write")
        .isEqualTo(403);

    String id = create(ops, challenge("everyone", 5000)).get("id").asString();
    jdbc.update(
        "update gamification.challenge set ends_at = now() - interval '1 hour' where challenge_id = ?::uuid",
        id);
    var late =
        http.put(path(id) + "/participants/me", player(history.athlete("UTC", null)), Map.of());
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("cannot be joined");
  }

  @Test
  void creatingAChallengePublishesChallengeChangedWithWhatItIs() {
    String ops = admin(UUID.randomUUID());
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Map<String, Object> regional = challenge("region", 42_000);
    regional.put("region", "DE-BY");
    regional.put("timeZone", "Europe/Berlin");
    regional.put("sponsored", true);
    regional.put("campaignId", "winter-run-2026");
    Instant before = Instant.now();
    String id = create(ops, regional).get("id").asString();

    List<JsonNode> published = published("ChallengeChanged", id);
    assertThat(published).hasSize(1);
    JsonNode changed = published.get(0);
    assertThat(changed.get("challengeId").asString()).isEqualTo(id);
    assertThat(changed.get("title").asString()).isEqualTo("Run in the window");
    assertThat(changed.get("goal").asString()).isEqualTo("distance");
    assertThat(changed.get("target").asLong()).isEqualTo(42_000);
    assertThat(changed.get("sport").asString()).isEqualTo("run");
    assertThat(Instant.parse(changed.get("startsAt").asString()))
        .as("the first moment of startsOn in its zone")
        .isEqualTo(today.minusDays(10).atStartOfDay(berlin).toInstant());
    assertThat(Instant.parse(changed.get("endsAt").asString()))
        .as("the first moment after endsOn in its zone")
        .isEqualTo(today.plusDays(11).atStartOfDay(berlin).toInstant());
    assertThat(changed.get("scope").asString()).isEqualTo("region");
    assertThat(changed.get("region").asString()).isEqualTo("DE-BY");
    assertThat(changed.get("clubId").isNull()).isTrue();
    assertThat(changed.get("sponsored").asBoolean()).isTrue();
    assertThat(Instant.parse(changed.get("changedAt").asString()))
        .isBetween(before.minusSeconds(1), Instant.now());

    UUID club = UUID.randomUUID();
    Map<String, Object> ofAClub = challenge("club", 10);
    ofAClub.put("clubId", club.toString());
    ofAClub.put("goal", "count");
    ofAClub.remove("sport");
    String clubs = create(ops, ofAClub).get("id").asString();
    JsonNode clubChallenge = published("ChallengeChanged", clubs).get(0);
    assertThat(clubChallenge.get("scope").asString()).isEqualTo("club");
    assertThat(clubChallenge.get("clubId").asString()).isEqualTo(club.toString());
    assertThat(clubChallenge.get("region").isNull()).isTrue();
    assertThat(clubChallenge.get("sport").isNull()).as("every sport counts").isTrue();
    assertThat(clubChallenge.get("goal").asString()).isEqualTo("count");
    assertThat(clubChallenge.get("sponsored").asBoolean()).isFalse();
  }

  @Test
  void aChangeOfItsTitleOrSponsorshipPublishesChallengeChangedButOfItsDescriptionNothing() {
    String ops = admin(UUID.randomUUID());
    String id = create(ops, challenge("everyone", 5000)).get("id").asString();

    patch(ops, id, Map.of("description", "Not in the event"));
    patch(ops, id, Map.of("title", " Run in the window "));
    patch(ops, id, Map.of("title", "Run in the window, renamed"));
    patch(ops, id, Map.of("sponsored", true, "campaignId", "spring-run"));
    patch(ops, id, Map.of("campaignId", "another-campaign"));
    patch(ops, id, Map.of("sponsored", true));

    List<JsonNode> published = published("ChallengeChanged", id);
    assertThat(published)
        .as("the creation, the new title, the sponsorship")
        .extracting(changed -> changed.get("title").asString())
        .containsExactly(
            "Run in the window", "Run in the window, renamed", "Run in the window, renamed");
    assertThat(published)
        .extracting(changed -> changed.get("sponsored").asBoolean())
        .containsExactly(false, false, true);
    assertThat(published)
        .extracting(changed -> changed.get("target").asLong())
        .as("each tells the whole challenge")
        .containsOnly(5000L);
    assertThat(published)
        .extracting(changed -> Instant.parse(changed.get("changedAt").asString()))
        .as("consumers keep the latest")
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void deletingAChallengePublishesChallengeDeleted() {
    String ops = admin(UUID.randomUUID());
    String id = create(ops, challenge("everyone", 5000)).get("id").asString();
    Instant before = Instant.now();

    assertThat(http.delete(path(id), ops).status()).isEqualTo(204);
    assertThat(http.delete(path(id), ops).status()).isEqualTo(404);

    List<JsonNode> deleted = published("ChallengeDeleted", id);
    assertThat(deleted).hasSize(1);
    assertThat(deleted.get(0).get("challengeId").asString()).isEqualTo(id);
    assertThat(Instant.parse(deleted.get(0).get("deletedAt").asString()))
        .isBetween(before.minusSeconds(1), Instant.now());
  }

  @Test
  void joiningTwicePublishesOneChallengeJoined() {
    UUID athlete = history.athlete("UTC", null);
    String id = create(admin(UUID.randomUUID()), challenge("everyone", 5000)).get("id").asString();

    var joined = http.put(path(id) + "/participants/me", player(athlete), Map.of());
    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    assertThat(http.put(path(id) + "/participants/me", player(athlete), Map.of()).status())
        .isEqualTo(200);

    List<JsonNode> published = published("ChallengeJoined", id);
    assertThat(published).hasSize(1);
    assertThat(published.get(0).get("challengeId").asString()).isEqualTo(id);
    assertThat(published.get(0).get("athleteId").asString()).isEqualTo(athlete.toString());
    assertThat(Instant.parse(published.get(0).get("joinedAt").asString()))
        .as("when the athlete became a participant")
        .isEqualTo(Instant.parse(joined.json().get("joinedAt").asString()));
  }

  @Test
  void leavingTwicePublishesOneChallengeLeftAndJoiningAgainAnotherChallengeJoined() {
    UUID athlete = history.athlete("UTC", null);
    UUID stranger = history.athlete("UTC", null);
    String id = create(admin(UUID.randomUUID()), challenge("everyone", 5000)).get("id").asString();
    String mine = path(id) + "/participants/me";

    try (TopicReader challenges = new TopicReader(GamificationTopics.CHALLENGES.name())) {
      assertThat(http.put(mine, player(athlete), Map.of()).status()).isEqualTo(200);
      Instant before = Instant.now();
      assertThat(http.delete(mine, player(athlete)).status()).isEqualTo(204);
      assertThat(http.delete(mine, player(athlete)).status()).isEqualTo(204);
      assertThat(http.delete(mine, player(stranger)).status())
          .as("one who never joined leaves nothing")
          .isEqualTo(204);
      assertThat(http.put(mine, player(athlete), Map.of()).status()).isEqualTo(200);

      List<JsonNode> left = published("ChallengeLeft", id);
      assertThat(left).hasSize(1);
      assertThat(left.get(0).get("challengeId").asString()).isEqualTo(id);
      assertThat(left.get(0).get("athleteId").asString()).isEqualTo(athlete.toString());
      assertThat(Instant.parse(left.get(0).get("leftAt").asString()))
          .isBetween(before.minusSeconds(1), Instant.now());

      // the topic has them in order under the challenge's key
      assertThat(
              challenges.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(30)).stream()
                  .map(r -> HttpJson.parse(r.value()).get("type").asString()))
          .containsExactly(
              "ChallengeChanged", "ChallengeJoined", "ChallengeLeft", "ChallengeJoined");
    }
  }

  private void patch(String token, String id, Map<String, Object> changes) {
    var reply = http.patch(path(id), token, changes);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /** The payloads of the challenge's events of this type in the outbox, oldest first. */
  private List<JsonNode> published(String type, String challengeId) {
    return jdbc
        .queryForList(
            "select envelope::text from gamification.outbox_event"
                + " where event_type = ? and message_key = ? order by seq",
            String.class,
            type,
            challengeId)
        .stream()
        .map(envelope -> HttpJson.parse(envelope).get("payload"))
        .toList();
  }

  private JsonNode create(String token, Map<String, Object> body) {
    var reply = http.post(base(), token, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json();
  }

  private Map<String, Object> challenge(String scope, long meters) {
    Map<String, Object> body =
        object(
            "title",
            "Run in the window",
            "description",
            "Every run between the dates counts",
            "goal",
            "distance",
            "target",
            meters,
            "sport",
            "run",
            "timeZone",
            "UTC",
            "startsOn",
            today.minusDays(10).toString(),
            "endsOn",
            today.plusDays(10).toString(),
            "scope",
            scope,
            "sponsored",
            false);
    return new java.util.HashMap<>(body);
  }

  private static String base() {
    return "/api/v1/gamification/challenges";
  }

  private static String path(String id) {
    return base() + "/" + id;
  }
}
