package io.stride.workout.workouts;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class WorkoutApiIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  @Autowired MeterRegistry meters;
  @Autowired RecordedWorkouts recorded;

  @Test
  void athleteEntersAWorkoutByHandAndReadsItBack() {
    UUID athlete = UUID.randomUUID();
    var manualRuns =
        meters.find("stride.workout.recorded").tags("sport", "run", "source", "manual");
    double before = manualRuns.counter() == null ? 0 : manualRuns.counter().count();
    try (TopicReader reader = new TopicReader(WorkoutTopics.WORKOUTS.name())) {
      Reply created =
          http.post(
              "/api/v1/workouts", writer(athlete), run("2026-05-01T06:30:00Z", 3000, 10000.0));

      assertThat(created.status()).as(created.body()).isEqualTo(201);
      assertThat(manualRuns.counter().count())
          .as("workouts recorded by sport and source")
          .isEqualTo(before + 1);
      JsonNode workout = created.json();
      assertThat(created.header("Location"))
          .endsWith("/api/v1/workouts/" + workout.get("id").asString());
      assertThat(workout.get("sport").asString()).isEqualTo("run");
      assertThat(workout.get("title").asString()).isEqualTo("Morning Run");
      assertThat(workout.get("visibility").asString()).isEqualTo("followers");
      assertThat(workout.get("averageSpeed").asDouble())
          .isCloseTo(10000.0 / 3000, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(workout.get("caloriesSource").asString()).isEqualTo("manual");

      Reply read = http.get("/api/v1/workouts/" + workout.get("id").asString(), reader(athlete));
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.json().get("distanceMeters").asDouble()).isEqualTo(10000.0);

      var events =
          reader.await(
              r ->
                  r.key().equals(workout.get("id").asString())
                      && r.value().contains("WorkoutRecorded"),
              Duration.ofSeconds(20));
      JsonNode summary = HttpJson.parse(events.get(0).value()).get("payload").get("workout");
      assertThat(summary.get("sport").asString()).isEqualTo("run");
      assertThat(summary.get("distanceMeters").asDouble()).isEqualTo(10000.0);
      assertThat(HttpJson.parse(events.get(0).value()).get("schemaVersion").asInt()).isEqualTo(3);
      assertThat(summary.get("maxSpeedMetersPerSecond").isNull())
          .as("a workout entered by hand has no samples to find its fastest stretch in")
          .isTrue();
      assertThat(summary.get("gpsJumps").isNull()).isTrue();
    }
  }

  @Test
  void anAthleteWithAWorkoutInTheLastWeekIsActiveAndOneWithAnOlderOneIsNot() {
    long before = recorded.activeAthletesNow();
    UUID recent = UUID.randomUUID();
    UUID earlier = UUID.randomUUID();
    java.time.Instant now = java.time.Instant.now();
    assertThat(
            http.post(
                    "/api/v1/workouts",
                    writer(recent),
                    run(now.minusSeconds(3600).toString(), 1800, 5000.0))
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    "/api/v1/workouts",
                    writer(earlier),
                    run(now.minus(java.time.Duration.ofDays(9)).toString(), 1800, 5000.0))
                .status())
        .isEqualTo(201);
    assertThat(recorded.activeAthletesNow()).isEqualTo(before + 1);
  }

  @Test
  void theSameIdempotencyKeyAndBodyGiveTheSameWorkoutAndAnotherBodyIsAConflict() {
    UUID athlete = UUID.randomUUID();
    Map<String, Object> body = run("2026-05-02T17:00:00Z", 1800, 5000.0);

    Reply first = postWithKey(athlete, "key-1", body);
    Reply again = postWithKey(athlete, "key-1", body);
    Reply other = postWithKey(athlete, "key-1", run("2026-05-02T17:00:00Z", 1800, 5001.0));

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(count("select count(*) from workout.workout where owner_id = ?", athlete))
        .isEqualTo(1);
  }

  @Test
  void listsNewestFirstInPagesFilteredBySportAndDate() {
    UUID athlete = UUID.randomUUID();
    Instant base = Instant.parse("2026-03-01T08:00:00Z");
    for (int day = 0; day < 25; day++) {
      String sport = day % 5 == 0 ? "ride" : "run";
      Reply reply =
          http.post(
              "/api/v1/workouts",
              writer(athlete),
              object(
                  "sport",
                  sport,
                  "startTime",
                  base.plus(Duration.ofDays(day)).toString(),
                  "durationSeconds",
                  1200));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    List<String> starts = new ArrayList<>();
    String cursor = null;
    do {
      Reply page =
          http.get(
              "/api/v1/workouts?limit=10" + (cursor == null ? "" : "&cursor=" + cursor),
              reader(athlete));
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      page.json().get("items").forEach(item -> starts.add(item.get("startTime").asString()));
      cursor =
          page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
    } while (cursor != null);

    assertThat(starts).hasSize(25);
    assertThat(starts).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    Reply rides = http.get("/api/v1/workouts?sport=ride&limit=100", reader(athlete));
    assertThat(rides.json().get("items")).hasSize(5);
    Reply march10to15 =
        http.get(
            "/api/v1/workouts?from=2026-03-10T00:00:00Z&to=2026-03-15T00:00:00Z", reader(athlete));
    assertThat(march10to15.json().get("items")).hasSize(5);
  }

  @Test
  void invalidWorkoutsAreProblemsNamingTheField() {
    UUID athlete = UUID.randomUUID();

    Reply missing = http.post("/api/v1/workouts", writer(athlete), object("sport", "run"));
    Reply unknownSport =
        http.post(
            "/api/v1/workouts",
            writer(athlete),
            object(
                "sport", "quidditch", "startTime", "2026-01-01T10:00:00Z", "durationSeconds", 60));
    Reply future =
        http.post(
            "/api/v1/workouts",
            writer(athlete),
            object(
                "sport",
                "run",
                "startTime",
                Instant.now().plus(Duration.ofDays(2)).toString(),
                "durationSeconds",
                60));
    Reply movingTooLong =
        http.post(
            "/api/v1/workouts",
            writer(athlete),
            object(
                "sport",
                "run",
                "startTime",
                "2026-01-01T10:00:00Z",
                "durationSeconds",
                60,
                "movingSeconds",
                61));
    Reply massAssign =
        http.post(
            "/api/v1/workouts",
            writer(athlete),
            object(
                "sport",
                "run",
                "startTime",
                "2026-01-01T10:00:00Z",
                "durationSeconds",
                60,
                "ownerId",
                UUID.randomUUID().toString()));
    Reply badCursor = http.get("/api/v1/workouts?cursor=nonsense", reader(athlete));

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").toString()).contains("startTime", "durationSeconds");
    assertThat(unknownSport.status()).isEqualTo(422);
    assertThat(unknownSport.json().get("errors").toString()).contains("sport");
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.json().get("errors").toString()).contains("startTime");
    assertThat(movingTooLong.status()).isEqualTo(422);
    assertThat(massAssign.status()).isEqualTo(400);
    assertThat(badCursor.status()).isEqualTo(422);
  }

  @Test
  void othersSeeOnlyWhatVisibilityAllowsAndPrivateOrForeignWorkoutsAre404() {
    UUID owner = UUID.randomUUID();
    UUID stranger = UUID.randomUUID();
    String publicId = idOf(http.post("/api/v1/workouts", writer(owner), visible("public")));
    String followersId = idOf(http.post("/api/v1/workouts", writer(owner), visible("followers")));
    String privateId = idOf(http.post("/api/v1/workouts", writer(owner), visible("private")));

    assertThat(http.get("/api/v1/workouts/" + publicId, reader(stranger)).status()).isEqualTo(200);
    assertThat(http.get("/api/v1/workouts/" + followersId, reader(stranger)).status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/workouts/" + privateId, reader(stranger)).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/workouts/" + privateId, reader(owner)).status()).isEqualTo(200);

    jdbc.update(
        "insert into workout.follower (owner_id, follower_id) values (?, ?)", owner, stranger);
    assertThat(http.get("/api/v1/workouts/" + followersId, reader(stranger)).status())
        .isEqualTo(200);

    Reply change =
        http.patch("/api/v1/workouts/" + publicId, writer(stranger), object("title", "mine now"));
    Reply remove = http.delete("/api/v1/workouts/" + publicId, writer(stranger));
    assertThat(change.status()).isEqualTo(404);
    assertThat(remove.status()).isEqualTo(404);
  }

  @Test
  void anotherAthletesListShowsOnlyWhatTheirVisibilityAllows() {
    UUID owner = UUID.randomUUID();
    UUID follower = UUID.randomUUID();
    http.post("/api/v1/workouts", writer(owner), visible("public"));
    http.post("/api/v1/workouts", writer(owner), visible("followers"));
    http.post("/api/v1/workouts", writer(owner), visible("private"));
    jdbc.update(
        "insert into workout.follower (owner_id, follower_id) values (?, ?)", owner, follower);
    String path = "/api/v1/workouts?athleteId=" + owner;

    assertThat(http.get(path, reader(owner)).json().get("items")).hasSize(3);
    assertThat(http.get(path, reader(follower)).json().get("items")).hasSize(2);
    assertThat(http.get(path, reader(UUID.randomUUID())).json().get("items")).hasSize(1);
    assertThat(
            http.get(path, tokens.forClient("partner-demo", "workouts:read")).json().get("items"))
        .hasSize(1);
    assertThat(
            http.get("/api/v1/workouts", tokens.forClient("partner-demo", "workouts:read"))
                .status())
        .isEqualTo(422);
  }

  @Test
  void aPrivateAccountHidesEvenItsPublicWorkoutsFromStrangers() {
    UUID owner = UUID.randomUUID();
    jdbc.update(
        "insert into workout.athlete (user_id, default_visibility, account_private, time_zone,"
            + " profile_version) values (?, 'PUBLIC', true, 'Europe/Paris', 1)",
        owner);
    Reply created =
        http.post(
            "/api/v1/workouts",
            writer(owner),
            object("sport", "ride", "startTime", "2026-06-01T19:00:00Z", "durationSeconds", 3600));

    assertThat(created.json().get("visibility").asString()).isEqualTo("public");
    assertThat(created.json().get("title").asString()).isEqualTo("Evening Ride"); // 21:00 in Paris
    assertThat(http.get("/api/v1/workouts/" + idOf(created), reader(UUID.randomUUID())).status())
        .isEqualTo(404);
  }

  @Test
  void theOwnerUpdatesAndDeletesAndEachChangeIsPublished() {
    UUID owner = UUID.randomUUID();
    String id = idOf(http.post("/api/v1/workouts", writer(owner), visible("private")));
    try (TopicReader reader = new TopicReader(WorkoutTopics.WORKOUTS.name())) {
      Reply updated =
          http.patch(
              "/api/v1/workouts/" + id,
              writer(owner),
              object("title", "Hill repeats", "sport", "trail_run", "visibility", "public"));
      assertThat(updated.status()).as(updated.body()).isEqualTo(200);
      assertThat(updated.json().get("sport").asString()).isEqualTo("trail_run");

      assertThat(http.delete("/api/v1/workouts/" + id, writer(owner)).status()).isEqualTo(204);
      assertThat(http.get("/api/v1/workouts/" + id, reader(owner)).status()).isEqualTo(404);

      var events =
          reader.await(
              r -> r.key().equals(id) && r.value().contains("WorkoutDeleted"),
              Duration.ofSeconds(20));
      assertThat(events).isNotEmpty();
      assertThat(
              reader.await(
                  r -> r.key().equals(id) && r.value().contains("Hill repeats"),
                  Duration.ofSeconds(5)))
          .isNotEmpty();
    }
  }

  @Test
  void theAthleteRatesHowHardASessionFeltAndTheRatingTravelsWithTheWorkout() {
    UUID owner = UUID.randomUUID();
    try (TopicReader reader = new TopicReader(WorkoutTopics.WORKOUTS.name())) {
      Reply created =
          http.post(
              "/api/v1/workouts",
              writer(owner),
              object(
                  "sport",
                  "run",
                  "startTime",
                  "2026-05-02T06:30:00Z",
                  "durationSeconds",
                  2700,
                  "perceivedEffort",
                  6));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().get("id").asString();
      assertThat(created.json().get("perceivedEffort").asInt()).isEqualTo(6);

      Reply rated =
          http.patch("/api/v1/workouts/" + id, writer(owner), object("perceivedEffort", 8));
      assertThat(rated.json().get("perceivedEffort").asInt()).isEqualTo(8);
      Reply retitled =
          http.patch("/api/v1/workouts/" + id, writer(owner), object("title", "Tempo"));
      assertThat(retitled.json().get("perceivedEffort").asInt()).as("absent: kept").isEqualTo(8);
      Reply tooHard =
          http.patch("/api/v1/workouts/" + id, writer(owner), object("perceivedEffort", 11));
      assertThat(tooHard.status()).isIn(400, 422);
      assertThat(tooHard.body()).contains("perceivedEffort");
      Reply cleared =
          http.patch("/api/v1/workouts/" + id, writer(owner), object("perceivedEffort", 0));
      assertThat(cleared.json().get("perceivedEffort").isNull()).isTrue();

      var recorded =
          reader.await(
              r -> r.key().equals(id) && r.value().contains("WorkoutRecorded"),
              Duration.ofSeconds(20));
      assertThat(
              HttpJson.parse(recorded.get(0).value())
                  .get("payload")
                  .get("workout")
                  .get("perceivedEffort")
                  .asInt())
          .isEqualTo(6);
      var updates =
          reader.await(
              r -> r.key().equals(id) && r.value().contains("WorkoutUpdated"),
              3,
              Duration.ofSeconds(20));
      assertThat(
              updates.stream()
                  .map(
                      r ->
                          HttpJson.parse(r.value())
                              .get("payload")
                              .get("workout")
                              .get("perceivedEffort"))
                  .map(n -> n.isNull() ? 0 : n.asInt()))
          .containsExactly(8, 8, 0);
    }
  }

  @Test
  void theServicePublishesItsOpenApiDocument() {
    Reply docs = http.get("/v3/api-docs", null);

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/v1/workouts/imports")).isTrue();
    assertThat(docs.json().get("paths").has("/api/v1/readings")).isTrue();
    assertThat(docs.json().get("paths").has("/api/v1/privacy-zones")).isTrue();
  }

  @Test
  void scopesLimitWhatATokenMayDo() {
    UUID athlete = UUID.randomUUID();
    Reply readOnly =
        http.post("/api/v1/workouts", tokens.forUser(athlete, "workouts:read"), visible("public"));
    Reply device = http.get("/api/v1/workouts", tokens.forUser(athlete, "readings:write"));
    Reply anonymous = http.get("/api/v1/workouts", null);

    assertThat(readOnly.status()).isEqualTo(403);
    assertThat(device.status()).isEqualTo(403);
    assertThat(anonymous.status()).isEqualTo(401);
  }

  private Reply postWithKey(UUID athlete, String key, Object body) {
    return http.send(
        http.request("/api/v1/workouts", writer(athlete))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
            .build());
  }

  private static Map<String, Object> run(String start, int seconds, double meters) {
    return object(
        "sport",
        "run",
        "startTime",
        start,
        "durationSeconds",
        seconds,
        "distanceMeters",
        meters,
        "calories",
        700);
  }

  private static Map<String, Object> visible(String visibility) {
    return object(
        "sport",
        "run",
        "startTime",
        "2026-04-04T07:00:00Z",
        "durationSeconds",
        1800,
        "visibility",
        visibility);
  }

  private static String idOf(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asString();
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private static String writer(UUID user) {
    return tokens.forUser(user, "workouts:read", "workouts:write");
  }

  private static String reader(UUID user) {
    return tokens.forUser(user, "workouts:read");
  }
}
