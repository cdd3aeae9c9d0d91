package io.stride.analytics.fitness;

import static io.stride.analytics.AnalyticsHistory.profile;
import static io.stride.analytics.AnalyticsHistory.reader;
import static io.stride.analytics.AnalyticsHistory.run;
import static io.stride.analytics.AnalyticsHistory.workout;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.analytics.AnalyticsTopics;
import io.stride.contracts.workout.DailyReadingsSummarized;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Load per workout, the fitness series, readiness and TrainingLoadUpdated, through the API. */
@StrideIntegrationTest
class TrainingLoadIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  @Autowired TrainingState trainingState;
  AnalyticsHistory history;

  @BeforeEach
  void history() {
    history = new AnalyticsHistory(jdbc);
  }

  @Test
  void eachWorkoutsLoadSaysWhichMethodGaveItNewestFirst() {
    UUID athlete = UUID.randomUUID();
    history.send(profile(athlete, "UTC", "MALE", null, 190, 50, 1));
    LocalDate day = LocalDate.of(2026, 5, 4);
    WorkoutSummary zones =
        history.record(
            workout(
                UUID.randomUUID(),
                athlete,
                "run",
                at(day, 6),
                10,
                60,
                150,
                List.of(600.0, 1200.0, 1200.0, 600.0, 0.0),
                null));
    WorkoutSummary heartRate = history.record(run(athlete, at(day, 7), 10, 60, 155));
    WorkoutSummary rated =
        history.record(
            workout(UUID.randomUUID(), athlete, "ride", at(day, 8), 20, 45, null, null, 6));
    WorkoutSummary bare = history.record(run(athlete, at(day, 9), 5, 30, null));

    JsonNode page = ok("/api/v1/analytics/me/workouts?limit=3", athlete);

    assertThat(page.get("items").valueStream().map(w -> w.get("method").asString()))
        .containsExactly("none", "session-rpe", "trimp");
    JsonNode trimp = page.get("items").get(2);
    assertThat(trimp.get("workoutId").asString()).isEqualTo(heartRate.workoutId().toString());
    assertThat(trimp.get("trimp").asDouble()).isEqualTo(121.6);
    assertThat(trimp.get("load").asDouble()).isEqualTo(121.6);
    assertThat(page.get("items").get(1).get("sessionRpe").asDouble()).isEqualTo(270.0);
    assertThat(page.get("items").get(1).get("load").asDouble()).isEqualTo(64.3);
    assertThat(page.get("items").get(0).get("load").asDouble()).isZero();
    JsonNode last =
        ok(
            "/api/v1/analytics/me/workouts?limit=3&cursor=" + page.get("nextCursor").asString(),
            athlete);
    assertThat(last.get("items")).hasSize(1);
    assertThat(last.get("items").get(0).get("hrTss").asDouble()).isEqualTo(63.9);
    assertThat(last.get("items").get(0).get("method").asString()).isEqualTo("hr-zones");
    assertThat(
            ok("/api/v1/analytics/me/workouts/" + zones.workoutId(), athlete).get("day").asString())
        .isEqualTo("2026-05-04");
    assertThat(rated.workoutId()).isNotEqualTo(bare.workoutId());
  }

  @Test
  void newHeartRatesInTheProfileRecomputeTheTrimpOfEveryWorkout() {
    UUID athlete = UUID.randomUUID();
    history.send(profile(athlete, "UTC", "MALE", null, 190, 50, 1));
    WorkoutSummary run = history.record(run(athlete, at(LocalDate.of(2026, 5, 4), 7), 10, 60, 155));
    String path = "/api/v1/analytics/me/workouts/" + run.workoutId();
    assertThat(ok(path, athlete).get("trimp").asDouble()).isEqualTo(121.6);

    history.send(profile(athlete, "UTC", "FEMALE", null, 190, 50, 2));

    assertThat(ok(path, athlete).get("trimp").asDouble()).isEqualTo(135.4);
  }

  @Test
  void aLateUploadFromThreeYearsAgoIsInTheSeriesAtOnceAndADeletionTakesItOut() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    history.record(run(athlete, at(today.minusDays(10), 7), 10, 60, 150));
    LocalDate longAgo = today.minusYears(3);
    String path = "/api/v1/analytics/me/fitness?from=" + longAgo.minusDays(1) + "&to=" + today;
    JsonNode before = ok(path, athlete);
    assertThat(before.get("fitness").get(1).asDouble()).isZero();

    WorkoutSummary late = history.record(run(athlete, at(longAgo, 7), 20, 120, 160));

    JsonNode after = ok(path, athlete);
    assertThat(after.get("load").get(1).asDouble()).isPositive();
    assertThat(after.get("fitness").get(1).asDouble()).isPositive();
    assertThat(after.get("fitness")).hasSize(before.get("fitness").size());
    assertThat(after.get("acuteChronicRatio").get(1).isNull()).isTrue();
    double formToday = after.get("form").get(after.get("form").size() - 1).asDouble();
    double fitnessToday = after.get("fitness").get(after.get("fitness").size() - 1).asDouble();
    double fatigueToday = after.get("fatigue").get(after.get("fatigue").size() - 1).asDouble();
    assertThat(formToday)
        .isCloseTo(fitnessToday - fatigueToday, org.assertj.core.data.Offset.offset(0.11));

    history.send(new WorkoutDeleted(late.workoutId(), athlete));

    assertThat(ok(path, athlete).get("fitness").get(1).asDouble()).isZero();
  }

  @Test
  void aRecordedWorkoutPublishesTheAthletesStateOfToday() {
    UUID athlete = history.athlete("Asia/Tokyo", null);
    LocalDate tokyoToday = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    try (TopicReader states = new TopicReader(AnalyticsTopics.TRAINING_LOAD.name())) {
      history.record(run(athlete, java.time.Instant.now().minusSeconds(7200), 10, 60, 150));

      List<JsonNode> published =
          states.await(r -> r.key().equals(athlete.toString()), Duration.ofSeconds(20)).stream()
              .map(r -> HttpJson.parse(r.value()))
              .toList();

      assertThat(published).hasSize(1);
      JsonNode state = published.get(0);
      assertThat(state.get("type").asString()).isEqualTo("TrainingLoadUpdated");
      JsonNode payload = state.get("payload");
      assertThat(payload.get("day").asString()).isEqualTo(tokyoToday.toString());
      assertThat(payload.get("fitness").asDouble()).isPositive();
      assertThat(payload.get("fatigue").asDouble())
          .isGreaterThan(payload.get("fitness").asDouble());
      assertThat(payload.get("readiness").isNull()).isTrue();
      assertThat(payload.get("readinessReasons").get(0).asString()).isEqualTo("not-enough-history");
    }
  }

  @Test
  void readinessAfterThreeSteadyWeeksNamesTheNumbersBehindIt() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 21; d >= 1; d--) {
      history.record(run(athlete, at(today.minusDays(d), 7), 8, 45, 145));
    }

    JsonNode readiness = ok("/api/v1/analytics/me/readiness", athlete);

    assertThat(readiness.get("day").asString()).isEqualTo(today.toString());
    assertThat(readiness.get("score").asInt()).isBetween(0, 100);
    assertThat(readiness.get("level").asString()).isIn("ready", "moderate", "rest");
    JsonNode reasons = readiness.get("reasons");
    assertThat(reasons.get(0).get("code").asString()).startsWith("form-");
    assertThat(reasons.get(0).get("value").asDouble()).isEqualTo(readiness.get("form").asDouble());
    assertThat(reasons.get(0).get("text").asString())
        .contains(
            String.format(
                java.util.Locale.ROOT, "fitness %.1f", readiness.get("fitness").asDouble()));
    assertThat(reasons.get(1).get("code").asString()).isEqualTo("load-ratio-unknown");
    assertThat(reasons.get(2).get("code").asString()).isEqualTo("resting-hr-unknown");
  }

  @Test
  void aRestingHeartRateWellAboveTheAthletesBaselineLowersTodaysReadinessAndSaysByHowMuch() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 21; d >= 1; d--) {
      history.record(run(athlete, at(today.minusDays(d), 7), 8, 45, 145));
    }
    for (int d = 10; d >= 1; d--) {
      history.send(reading(athlete, today.minusDays(d), 50, Instant.now()));
    }
    JsonNode before = ok("/api/v1/analytics/me/readiness", athlete);
    assertThat(before.get("reasons").get(2).get("code").asString()).isEqualTo("resting-hr-normal");

    try (TopicReader states = new TopicReader(AnalyticsTopics.TRAINING_LOAD.name())) {
      history.send(reading(athlete, today, 58, Instant.now()));
      history.send(reading(athlete, today, 51, Instant.now().minusSeconds(600)));

      JsonNode after = ok("/api/v1/analytics/me/readiness", athlete);
      JsonNode resting = after.get("reasons").get(2);
      assertThat(resting.get("code").asString())
          .as("the older summary of the day, arriving late, changes nothing")
          .isEqualTo("resting-hr-high");
      assertThat(resting.get("value").asDouble()).isEqualTo(8.0);
      assertThat(resting.get("text").asString()).contains("58 bpm", "baseline of 50.0");
      assertThat(after.get("score").asInt()).isEqualTo(before.get("score").asInt() - 25);
      assertThat(
              states.await(
                  r ->
                      r.key().equals(athlete.toString())
                          && HttpJson.parse(r.value())
                              .get("payload")
                              .get("readinessReasons")
                              .valueStream()
                              .anyMatch(code -> code.asString().equals("resting-hr-high")),
                  Duration.ofSeconds(20)))
          .as("the new resting heart rate of today published the state again")
          .hasSize(1);
    }
  }

  @Test
  void fewerThanSevenDaysOfBaselineLeaveTheRestingHeartRateOut() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (int d = 20; d >= 1; d--) {
      history.record(run(athlete, at(today.minusDays(d), 7), 8, 45, 145));
    }
    for (int d = 6; d >= 1; d--) {
      history.send(reading(athlete, today.minusDays(d), 50, Instant.now()));
    }
    history.send(reading(athlete, today, 70, Instant.now()));

    JsonNode readiness = ok("/api/v1/analytics/me/readiness", athlete);

    assertThat(readiness.get("reasons").get(2).get("code").asString())
        .isEqualTo("resting-hr-unknown");
  }

  private static DailyReadingsSummarized reading(
      UUID athlete, LocalDate day, int resting, Instant summarizedAt) {
    return new DailyReadingsSummarized(athlete, day, 6000L, resting, summarizedAt);
  }

  @Test
  void lateEditedMovedAndDeletedWorkoutsMoveTheCarriedStateAsARunOfTheWholeHistory() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    WorkoutSummary recent = history.record(run(athlete, at(today.minusDays(10), 7), 10, 60, 150));
    assertCarriedAsWholeHistory(athlete, today);

    WorkoutSummary late = history.record(run(athlete, at(today.minusYears(3), 7), 20, 120, 160));
    assertCarriedAsWholeHistory(athlete, today);
    history.record(run(athlete, at(today.minusYears(3), 18), 5, 30, 140));
    assertCarriedAsWholeHistory(athlete, today);

    WorkoutSummary moved =
        workout(
            late.workoutId(), athlete, "run", at(today.minusYears(2), 7), 21, 125, 165, null, null);
    history.send(new WorkoutUpdated(moved, 1));
    assertCarriedAsWholeHistory(athlete, today);

    history.send(new WorkoutDeleted(recent.workoutId(), athlete));
    assertCarriedAsWholeHistory(athlete, today);

    try (TopicReader states = new TopicReader(AnalyticsTopics.TRAINING_LOAD.name())) {
      history.record(run(athlete, at(today, 0), 8, 45, 150));
      List<ConsumerRecord<String, String>> published =
          states.await(r -> r.key().equals(athlete.toString()), Duration.ofSeconds(20));
      JsonNode payload = HttpJson.parse(published.get(published.size() - 1).value()).get("payload");
      JsonNode series = ok("/api/v1/analytics/me/fitness?from=" + today + "&to=" + today, athlete);
      assertThat(payload.get("fitness").asDouble())
          .isEqualTo(series.get("fitness").get(0).asDouble());
      assertThat(payload.get("fatigue").asDouble())
          .isEqualTo(series.get("fatigue").get(0).asDouble());
    }
    assertCarriedAsWholeHistory(athlete, today);
  }

  @Test
  void anAthleteWithoutACarriedStateGetsOneFromTheirWholeHistoryOnTheNextWorkout() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // as workouts from before the carried state (or the benchmark's seed) are held
    jdbc.update(
        """
        insert into analytics.workout (workout_id, owner_id, version, sport, start_time, local_day,
            elapsed_seconds, load, load_method)
        values (?, ?, 0, 'run', ?, ?, 3600, 90, 'trimp')
        """,
        UUID.randomUUID(),
        athlete,
        Timestamp.from(at(today.minusYears(1), 7)),
        Date.valueOf(today.minusYears(1)));

    history.record(run(athlete, at(today.minusDays(1), 7), 10, 60, 150));

    assertCarriedAsWholeHistory(athlete, today);
    assertThat(
            jdbc.queryForObject(
                "select fitness from analytics.training_state where user_id = ?",
                Double.class,
                athlete))
        .isGreaterThan(
            CarriedState.of(
                    DailyLoads.of(Map.of(today.minusDays(1), 1.0), today.minusDays(1)),
                    today.toEpochDay())
                .fitness());
  }

  /** The stored carried state is the one a run of the athlete's whole history gives. */
  private void assertCarriedAsWholeHistory(UUID athlete, LocalDate today) {
    CarriedState stored =
        jdbc.queryForObject(
            """
            select anchor_day - date '1970-01-01', anchor_load, fitness, fatigue, acute, chronic
            from analytics.training_state where user_id = ?
            """,
            (rs, n) ->
                new CarriedState(
                    rs.getLong(1),
                    rs.getDouble(2),
                    rs.getDouble(3),
                    rs.getDouble(4),
                    rs.getDouble(5),
                    rs.getDouble(6)),
            athlete);
    assertThat(stored.anchorDay()).isEqualTo(today.toEpochDay());
    CarriedStateTests.assertSame(
        stored, CarriedState.of(trainingState.history(athlete).loads(), today.toEpochDay()));
  }

  @Test
  void anotherAthletesWorkoutIsNotFoundAndBadRangesAreRefused() {
    UUID owner = history.athlete("UTC", null);
    UUID other = history.athlete("UTC", null);
    WorkoutSummary run = history.record(run(owner, at(LocalDate.of(2026, 2, 2), 7), 10, 60, 150));

    HttpJson.Reply theirs =
        http.get("/api/v1/analytics/me/workouts/" + run.workoutId(), reader(other));
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.contentType()).startsWith("application/problem+json");
    assertThat(
            http.get("/api/v1/analytics/me/workouts/" + UUID.randomUUID(), reader(owner)).status())
        .isEqualTo(404);
    assertThat(
            http.get("/api/v1/analytics/me/fitness?from=2026-02-01&to=2026-01-01", reader(owner))
                .status())
        .isEqualTo(422);
    HttpJson.Reply tooLong =
        http.get("/api/v1/analytics/me/fitness?from=2010-01-01&to=2026-01-01", reader(owner));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("2200 days");
    assertThat(http.get("/api/v1/analytics/me/workouts?cursor=nonsense", reader(owner)).status())
        .isEqualTo(422);
    assertThat(http.get("/api/v1/analytics/me/workouts?limit=500", reader(owner)).status())
        .isBetween(400, 422);
  }

  private JsonNode ok(String path, UUID athlete) {
    HttpJson.Reply reply = http.get(path, reader(athlete));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static java.time.Instant at(LocalDate day, int hour) {
    return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
  }
}
