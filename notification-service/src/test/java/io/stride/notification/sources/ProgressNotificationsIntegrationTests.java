package io.stride.notification.sources;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.ChallengeCompleted;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.notification.TestSettings;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** gamification-service's badges, levels, streaks and completed challenges in the inbox. */
@StrideIntegrationTest
class ProgressNotificationsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBadgeALevelAndAStreakWorthAWordReachTheInboxAndOrdinaryStreakDaysDoNot() {
    UUID me = person(jdbc, "Progress Maker");
    LocalDate today = LocalDate.now();
    TopicWriter.send(
        new BadgeAwarded(me, "early_bird", 0, "Early bird", UUID.randomUUID(), Instant.now()));
    TopicWriter.send(new LevelReached(me, 3, 312, 600L));
    TopicWriter.send(new StreakExtended(me, "daily", 6, today.minusDays(1), 0));
    TopicWriter.send(new StreakExtended(me, "daily", 7, today, 1));
    TopicWriter.send(new StreakExtended(me, "weekly", 4, today, 0));

    await().atMost(Duration.ofSeconds(30)).until(() -> items(me).size() >= 4);

    assertThat(items(me))
        .extracting(item -> item.get("title").asString())
        .containsExactlyInAnyOrder(
            "You earned a badge: Early bird",
            "You reached level 3",
            "7 days in a row!",
            "4 weeks in a row!");
    assertThat(items(me))
        .filteredOn(item -> item.get("type").asString().equals("level"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("body").asString()).startsWith("312 points"));
  }

  @Test
  void aCompletedChallengeIsToldOnceWithWhatWasAchievedInTheGoalsUnitAndLeadsToTheChallenge() {
    UUID me = person(jdbc, "Challenge Finisher");
    UUID distance = UUID.randomUUID();
    UUID time = UUID.randomUUID();
    UUID count = UUID.randomUUID();
    UUID single = UUID.randomUUID();
    UUID climb = UUID.randomUUID();
    TopicWriter.send(completed(me, distance, "Run 100 km in December", "distance", 101_250));
    TopicWriter.send(completed(me, time, "Move 12 hours", "moving_time", 45_030));
    TopicWriter.send(completed(me, count, "Ten workouts", "count", 12));
    TopicWriter.send(completed(me, single, "First workout", "count", 1));
    TopicWriter.send(completed(me, climb, "Climb Everest", "elevation", 12_500));
    var again =
        TopicWriter.send(completed(me, distance, "Run 100 km in December", "distance", 101_250));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.processed_event where event_id = ?",
                        Integer.class,
                        again.id())
                    == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> items(me).size() >= 5);

    List<JsonNode> items = items(me);
    assertThat(items)
        .hasSize(5)
        .allSatisfy(
            item -> assertThat(item.get("type").asString()).isEqualTo("challenge-completed"));
    assertThat(bySubject(items, distance).get("title").asString())
        .isEqualTo("You completed the challenge Run 100 km in December");
    assertThat(bySubject(items, distance).get("link").asString())
        .isEqualTo("/challenges/" + distance);
    assertThat(bodies(items, distance, time, count, single, climb))
        .containsExactly(
            "You covered 101.3 km.",
            "You were moving for 12 h 30 min.",
            "You did it with 12 workouts.",
            "You did it with one workout.",
            "You climbed 12,500 m.");

    List<JsonNode> german = items(me, "de");
    assertThat(bySubject(german, distance).get("title").asString())
        .isEqualTo("Du hast die Challenge Run 100 km in December geschafft");
    assertThat(bodies(german, distance, time, count, single, climb))
        .containsExactly(
            "Du hast 101,3 km zur\u00fcckgelegt.",
            "Du warst 12 Std. 30 Min. in Bewegung.",
            "Du hast es mit 12 Trainings geschafft.",
            "Du hast es mit einem Training geschafft.",
            "Du hast 12.500 H\u00f6henmeter geschafft.");
  }

  @Test
  void completedChallengesMayBeSwitchedOffAndGoToTheInboxAndPushLikeBadges() {
    UUID me = person(jdbc, "Challenge Settings");
    JsonNode settings = http.get("/api/v1/notifications/settings", reader(me)).json();

    assertThat(TestSettings.type(settings, "challenge-completed").get("switchable").asBoolean())
        .isTrue();
    assertThat(TestSettings.channels(settings, "challenge-completed"))
        .isEqualTo(Map.of("in_app", true, "push", true, "email", false));
  }

  private static ChallengeCompleted completed(
      UUID user, UUID challenge, String title, String goal, long achieved) {
    return new ChallengeCompleted(
        user,
        challenge,
        title,
        goal,
        achieved,
        achieved,
        UUID.randomUUID(),
        Instant.parse("2026-12-12T07:05:00Z"),
        null);
  }

  private static JsonNode bySubject(List<JsonNode> items, UUID subject) {
    return items.stream()
        .filter(item -> item.get("subjectId").asString().equals(subject.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no notification about " + subject));
  }

  private static List<String> bodies(List<JsonNode> items, UUID... subjects) {
    List<String> bodies = new ArrayList<>();
    for (UUID subject : subjects) {
      bodies.add(bySubject(items, subject).get("body").asString());
    }
    return bodies;
  }

  private List<JsonNode> items(UUID user) {
    return items(user, "en");
  }

  private List<JsonNode> items(UUID user, String language) {
    List<JsonNode> items = new ArrayList<>();
    http.send(
            http.request("/api/v1/notifications?limit=100", reader(user))
                .header("Accept-Language", language)
                .GET()
                .build())
        .json()
        .get("items")
        .forEach(items::add);
    return items;
  }
}
