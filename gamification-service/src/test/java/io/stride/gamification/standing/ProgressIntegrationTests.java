package io.stride.gamification.standing;

import static io.stride.gamification.TestHistory.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.gamification.GamificationTopics;
import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Workout events in, points, levels, badges and workout scores out, through the API. */
@StrideIntegrationTest
class ProgressIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  TestHistory history;

  private final Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeEach
  void history() {
    history = new TestHistory(jdbc);
  }

  @Test
  void aRecordedRunEarnsItsPointsTheFirstWorkoutBadgeAndIsAnnouncedOnce() {
    UUID athlete = history.athlete("UTC", null);
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      WorkoutSummary run =
          history.record(TestHistory.run(athlete, today.minusSeconds(3600), 10, 50));

      JsonNode me = http.get("/api/v1/gamification/me", reader(athlete)).json();
      assertThat(me.get("points").asLong()).isEqualTo(70);
      assertThat(me.get("level").asInt()).isEqualTo(1);
      assertThat(me.get("nextLevelPoints").asLong()).isEqualTo(100);
      assertThat(me.get("workoutsCounted").asInt()).isEqualTo(1);
      JsonNode badges = http.get("/api/v1/gamification/me/badges", reader(athlete)).json();
      assertThat(badges.get("badges").findValuesAsString("badge")).contains("first_workout");
      var told =
          progress.await(
              r -> r.key().equals(athlete.toString()) && r.value().contains("first_workout"),
              Duration.ofSeconds(20));
      assertThat(told).hasSize(1);
      assertThat(told.get(0).value()).contains(run.workoutId().toString());

      history.send(new WorkoutUpdated(run, 1));
      history.send(new WorkoutRecorded(TestHistory.run(athlete, today.minusSeconds(60), 3, 20)));
      assertThat(
              progress.await(
                  r -> r.key().equals(athlete.toString()) && r.value().contains("first_workout"),
                  2,
                  Duration.ofSeconds(3)))
          .as("a badge is announced once, however often the standing is folded again")
          .hasSize(1);
    }
  }

  @Test
  void enoughPointsReachALevelThatIsAnnouncedWithTheNextOnesThreshold() {
    UUID athlete = history.athlete("UTC", null);
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      history.record(TestHistory.run(athlete, today.minusSeconds(7200), 21, 120));

      JsonNode me = http.get("/api/v1/gamification/me", reader(athlete)).json();
      assertThat(me.get("points").asLong()).isEqualTo(162);
      assertThat(me.get("level").asInt()).isEqualTo(2);
      var level =
          progress.await(
              r -> r.key().equals(athlete.toString()) && r.value().contains("LevelReached"),
              Duration.ofSeconds(20));
      assertThat(level)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(
                          HttpJson.parse(r.value()).get("payload").get("nextLevelPoints").asLong())
                      .isEqualTo(300));
    }
  }

  @Test
  void anEditedWorkoutMovesItsPointsAndADeletedOneTakesThemAndItsBadgesAway() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary run = history.record(TestHistory.run(athlete, today.minusSeconds(7200), 10, 50));
    WorkoutSummary longer =
        TestHistory.summary(run.workoutId(), athlete, "run", run.startTime(), 15, 80, "file", 0);

    history.send(new WorkoutUpdated(longer, 2));
    history.send(new WorkoutUpdated(run, 1));

    assertThat(http.get("/api/v1/gamification/me", reader(athlete)).json().get("points").asLong())
        .as("the newer state holds; an older one arriving late changes nothing")
        .isEqualTo(80 + 30);

    history.send(new WorkoutDeleted(run.workoutId(), athlete));
    history.send(new WorkoutRecorded(run));

    JsonNode me = http.get("/api/v1/gamification/me", reader(athlete)).json();
    assertThat(me.get("points").asLong()).isZero();
    assertThat(me.get("workoutsCounted").asInt()).isZero();
    assertThat(http.get("/api/v1/gamification/me/badges", reader(athlete)).json().get("badges"))
        .as("the first workout badge went with the only workout (ADR 0028)")
        .isEmpty();
    assertThat(
            http.get("/api/v1/gamification/me/workouts/" + run.workoutId(), reader(athlete))
                .status())
        .isEqualTo(404);
  }

  @Test
  void anImplausibleWorkoutEarnsNothingAndIsListedForReviewWithItsReasons() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary teleported =
        history.record(
            TestHistory.summary(
                UUID.randomUUID(), athlete, "run", today.minusSeconds(7200), 10, 50, "file", 2));
    WorkoutSummary byHand =
        history.record(
            TestHistory.summary(
                UUID.randomUUID(), athlete, "run", today.minusSeconds(3600), 21, 120, "manual", 0));

    JsonNode score =
        http.get("/api/v1/gamification/me/workouts/" + teleported.workoutId(), reader(athlete))
            .json();
    assertThat(score.get("status").asString()).isEqualTo("review");
    assertThat(score.get("points").asInt()).isZero();
    assertThat(score.get("reasons").get(0).asString()).isEqualTo("gps_teleport");
    JsonNode manual =
        http.get("/api/v1/gamification/me/workouts/" + byHand.workoutId(), reader(athlete)).json();
    assertThat(manual.get("status").asString()).isEqualTo("counted");
    assertThat(manual.get("points").asInt())
        .as("the lower cap of workouts entered by hand")
        .isEqualTo(50);
    JsonNode review =
        http.get("/api/v1/gamification/me/workouts?status=review", reader(athlete)).json();
    assertThat(review.get("items").findValuesAsString("workoutId"))
        .containsExactly(teleported.workoutId().toString());
    JsonNode me = http.get("/api/v1/gamification/me", reader(athlete)).json();
    assertThat(me.get("workoutsInReview").asInt()).isEqualTo(1);
    assertThat(me.get("points").asLong()).isEqualTo(50);
  }

  @Test
  void aPersonalRecordEarnsItsBadgeWhicheverEventArrivesFirst() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary run = TestHistory.run(athlete, today.minusSeconds(3600), 5, 25);

    history.send(new PersonalRecordSet(athlete, run.workoutId(), "run", "5k", 5000, 1500, null));
    history.record(run);

    assertThat(
            http.get("/api/v1/gamification/me/badges", reader(athlete))
                .json()
                .get("badges")
                .findValuesAsString("badge"))
        .contains("first_personal_record");
  }

  @Test
  void anotherAthletesWorkoutIsNotFoundAndTheScopeIsRequired() {
    UUID owner = history.athlete("UTC", null);
    UUID other = history.athlete("UTC", null);
    WorkoutSummary run = history.record(TestHistory.run(owner, today.minusSeconds(3600), 5, 25));

    var foreign = http.get("/api/v1/gamification/me/workouts/" + run.workoutId(), reader(other));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    assertThat(
            http.get("/api/v1/gamification/me", TestTokens.get().forUser(owner, "workouts:read"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void historyUploadedLongAfterEarnsItsBadgesQuietly() {
    UUID athlete = history.athlete("UTC", null);
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      history.record(TestHistory.run(athlete, today.minus(400, ChronoUnit.DAYS), 10, 50));

      assertThat(
              http.get("/api/v1/gamification/me/badges", reader(athlete))
                  .json()
                  .get("badges")
                  .findValuesAsString("badge"))
          .contains("first_workout");
      history.record(TestHistory.run(athlete, today.minusSeconds(600), 10, 50));
      assertThat(
              progress.await(
                  r -> r.key().equals(athlete.toString()) && r.value().contains("comeback"),
                  Duration.ofSeconds(20)))
          .as("today's comeback is news")
          .hasSize(1);
      assertThat(
              progress.await(
                  r -> r.key().equals(athlete.toString()) && r.value().contains("first_workout"),
                  Duration.ofMillis(500)))
          .as("a first workout of last year is not")
          .isEmpty();
    }
  }

  @Test
  void theBadgeCatalogueDescribesEveryBadge() {
    UUID athlete = history.athlete("UTC", null);

    JsonNode catalogue = http.get("/api/v1/gamification/badges", reader(athlete)).json();

    assertThat(catalogue.get("badges").findValuesAsString("badge"))
        .contains(
            "first_workout",
            "distance_running",
            "distance_cycling",
            "early_bird",
            "night_owl",
            "weekend_warrior",
            "comeback",
            "first_personal_record",
            "streak_daily",
            "streak_weekly",
            "public_holiday");
  }
}
