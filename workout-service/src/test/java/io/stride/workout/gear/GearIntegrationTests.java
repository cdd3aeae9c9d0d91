package io.stride.workout.gear;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.workout.importing.ImportUploads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Gear through the API: defaults per sport, totals over the workouts that name it, the reminder
 * told once, retirement, deletion, and nobody else's gear seen or used.
 */
@StrideIntegrationTest
class GearIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void newWorkoutsGetTheirSportsDefaultGearAndTheGearSumsTheirDistanceAndTime() {
    UUID athlete = UUID.randomUUID();
    String shoes =
        gear(
            athlete,
            object("kind", "shoes", "name", "Road shoes", "defaultFor", List.of("run", "walk")));
    String bike =
        gear(athlete, object("kind", "bike", "name", "Gravel bike", "defaultFor", List.of("ride")));

    JsonNode run = workout(athlete, "run", "2026-05-01T06:30:00Z", 3000, 10_000.0, null);
    JsonNode walk = workout(athlete, "walk", "2026-05-02T06:30:00Z", 1800, 2_500.0, null);
    JsonNode ride = workout(athlete, "ride", "2026-05-03T06:30:00Z", 7200, 60_000.0, null);
    JsonNode swim = workout(athlete, "swim", "2026-05-04T06:30:00Z", 1800, 1_500.0, null);

    assertThat(run.get("gearId").asString()).isEqualTo(shoes);
    assertThat(walk.get("gearId").asString()).isEqualTo(shoes);
    assertThat(ride.get("gearId").asString()).isEqualTo(bike);
    assertThat(swim.get("gearId").isNull()).as("no default for swims").isTrue();
    JsonNode onShoes = http.get("/api/v1/gear/" + shoes, reader(athlete)).json();
    assertThat(onShoes.get("distanceMeters").asDouble()).isEqualTo(12_500.0);
    assertThat(onShoes.get("movingSeconds").asLong()).isEqualTo(4800);
    assertThat(onShoes.get("workouts").asLong()).isEqualTo(2);
    assertThat(onShoes.get("defaultFor").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder("run", "walk");

    String newShoes =
        gear(athlete, object("kind", "shoes", "name", "New shoes", "defaultFor", List.of("run")));
    assertThat(
            workout(athlete, "run", "2026-05-05T06:30:00Z", 3000, 10_000.0, null)
                .get("gearId")
                .asString())
        .as("the newest default for a sport takes over")
        .isEqualTo(newShoes);
    assertThat(
            workout(athlete, "walk", "2026-05-06T06:30:00Z", 1800, 2_000.0, null)
                .get("gearId")
                .asString())
        .isEqualTo(shoes);

    Reply moved =
        http.put(
            "/api/v1/workouts/" + swim.get("id").asString() + "/gear",
            writer(athlete),
            object("gearId", bike));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(
            http.get("/api/v1/gear/" + bike, reader(athlete))
                .json()
                .get("distanceMeters")
                .asDouble())
        .isEqualTo(61_500.0);
    assertThat(
            http.delete("/api/v1/workouts/" + swim.get("id").asString() + "/gear", writer(athlete))
                .status())
        .isEqualTo(204);
    assertThat(
            http.get("/api/v1/gear/" + bike, reader(athlete))
                .json()
                .get("distanceMeters")
                .asDouble())
        .isEqualTo(60_000.0);
  }

  @Test
  void anImportedWorkoutGetsItsSportsDefaultGearAndCountsTowardsTheReminder() {
    UUID athlete = UUID.randomUUID();
    String boots =
        gear(
            athlete,
            object(
                "kind",
                "shoes",
                "name",
                "Hiking boots",
                "defaultFor",
                List.of("hike"),
                "reminderMeters",
                1));
    ImportUploads uploads = new ImportUploads(http);
    JsonNode outcome =
        uploads.awaitOutcome(
            athlete,
            uploads.upload(
                athlete,
                "cerknicko.gpx",
                ImportUploads.fixture("gpxpy_cerknicko-jezero.gpx"),
                "hike"));
    assertThat(outcome.get("status").asString()).as(outcome.toString()).isEqualTo("done");

    JsonNode hike =
        http.get("/api/v1/workouts/" + outcome.get("workoutId").asString(), reader(athlete)).json();
    assertThat(hike.get("gearId").asString()).isEqualTo(boots);
    JsonNode onBoots = http.get("/api/v1/gear/" + boots, reader(athlete)).json();
    assertThat(onBoots.get("distanceMeters").asDouble())
        .isEqualTo(hike.get("distanceMeters").asDouble());
    assertThat(reminders(boots)).isEqualTo(1);
  }

  @Test
  void theReminderGoesOutOnceWhenTheGearReachesItsDistanceAndAgainOnlyForANewDistance() {
    UUID athlete = UUID.randomUUID();
    String shoes =
        gear(
            athlete,
            object(
                "kind",
                "shoes",
                "name",
                "Racers",
                "defaultFor",
                List.of("run"),
                "reminderMeters",
                15_000));

    workout(athlete, "run", "2026-06-01T06:30:00Z", 3000, 10_000.0, null);
    assertThat(reminders(shoes)).as("10 of 15 km").isZero();
    assertThat(http.get("/api/v1/gear/" + shoes, reader(athlete)).json().get("remindedAt").isNull())
        .isTrue();

    String reaching =
        workout(athlete, "run", "2026-06-02T06:30:00Z", 1800, 6_000.0, null).get("id").asString();
    workout(athlete, "run", "2026-06-03T06:30:00Z", 1800, 6_000.0, null);
    assertThat(reminders(shoes)).as("past 15 km twice over, told once").isEqualTo(1);
    JsonNode told = reminder(shoes);
    assertThat(told.get("workoutId").asString()).isEqualTo(reaching);
    assertThat(told.get("distanceMeters").asDouble()).isEqualTo(16_000.0);
    assertThat(told.get("reminderMeters").asDouble()).isEqualTo(15_000.0);
    assertThat(told.get("name").asString()).isEqualTo("Racers");
    assertThat(http.get("/api/v1/gear/" + shoes, reader(athlete)).json().get("remindedAt").isNull())
        .isFalse();

    Reply later =
        http.patch("/api/v1/gear/" + shoes, writer(athlete), object("reminderMeters", 25_000));
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(later.json().get("remindedAt").isNull()).isTrue();
    workout(athlete, "run", "2026-06-04T06:30:00Z", 1800, 5_000.0, null);
    assertThat(reminders(shoes)).as("the new distance, 25 km, reached at 27 km").isEqualTo(2);

    Reply past =
        http.patch("/api/v1/gear/" + shoes, writer(athlete), object("reminderMeters", 26_000));
    assertThat(past.json().get("remindedAt").isNull())
        .as("a distance already behind the gear is not announced: the athlete knows")
        .isFalse();
    assertThat(reminders(shoes)).isEqualTo(2);
    Reply off = http.patch("/api/v1/gear/" + shoes, writer(athlete), object("reminderMeters", 0));
    assertThat(off.json().get("reminderMeters").isNull()).isTrue();
  }

  @Test
  void retiredGearIsNoSportsDefaultAndRetiringItDropsItsDefaults() {
    UUID athlete = UUID.randomUUID();
    String shoes =
        gear(athlete, object("kind", "shoes", "name", "Worn out", "defaultFor", List.of("run")));

    Reply retired = http.patch("/api/v1/gear/" + shoes, writer(athlete), object("retired", true));
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().get("retiredOn").isNull()).isFalse();
    assertThat(retired.json().get("defaultFor").isEmpty()).isTrue();
    assertThat(
            workout(athlete, "run", "2026-07-01T06:30:00Z", 3000, 10_000.0, null)
                .get("gearId")
                .isNull())
        .isTrue();

    Reply defaultAgain =
        http.patch("/api/v1/gear/" + shoes, writer(athlete), object("defaultFor", List.of("run")));
    assertThat(defaultAgain.status()).isEqualTo(422);
    assertThat(defaultAgain.body()).contains("defaultFor");
    Reply bornRetired =
        http.post(
            "/api/v1/gear",
            writer(athlete),
            object(
                "kind",
                "shoes",
                "name",
                "Old",
                "retiredOn",
                "2026-01-01",
                "defaultFor",
                List.of("run")));
    assertThat(bornRetired.status()).isEqualTo(422);

    assertThat(list(athlete, "?retired=true")).containsExactly(shoes);
    assertThat(list(athlete, "?retired=false")).isEmpty();
    Reply back =
        http.patch(
            "/api/v1/gear/" + shoes,
            writer(athlete),
            object("retired", false, "defaultFor", List.of("run")));
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    assertThat(back.json().get("retiredOn").isNull()).isTrue();
    assertThat(list(athlete, "?retired=false")).containsExactly(shoes);
  }

  @Test
  void deletedGearLeavesItsWorkoutsWithoutGear() {
    UUID athlete = UUID.randomUUID();
    String bike =
        gear(athlete, object("kind", "bike", "name", "Sold bike", "defaultFor", List.of("ride")));
    String ride =
        workout(athlete, "ride", "2026-08-01T06:30:00Z", 3600, 30_000.0, null).get("id").asString();

    assertThat(http.delete("/api/v1/gear/" + bike, writer(athlete)).status()).isEqualTo(204);

    assertThat(http.get("/api/v1/gear/" + bike, reader(athlete)).status()).isEqualTo(404);
    JsonNode kept = http.get("/api/v1/workouts/" + ride, reader(athlete)).json();
    assertThat(kept.get("distanceMeters").asDouble()).isEqualTo(30_000.0);
    assertThat(kept.get("gearId").isNull()).isTrue();
    assertThat(
            workout(athlete, "ride", "2026-08-02T06:30:00Z", 3600, 30_000.0, null)
                .get("gearId")
                .isNull())
        .isTrue();
  }

  @Test
  void anotherAthletesGearIsNotFoundAndCannotBeNamedOnAWorkout() {
    UUID owner = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String shoes = gear(owner, object("kind", "shoes", "name", "Mine"));
    String othersRun =
        workout(other, "run", "2026-09-01T06:30:00Z", 3000, 10_000.0, null).get("id").asString();

    assertThat(http.get("/api/v1/gear/" + shoes, reader(other)).status()).isEqualTo(404);
    assertThat(
            http.patch("/api/v1/gear/" + shoes, writer(other), object("name", "Stolen")).status())
        .isEqualTo(404);
    assertThat(http.delete("/api/v1/gear/" + shoes, writer(other)).status()).isEqualTo(404);
    assertThat(list(other, "")).isEmpty();

    Reply named =
        http.put("/api/v1/workouts/" + othersRun + "/gear", writer(other), object("gearId", shoes));
    assertThat(named.status()).isEqualTo(422);
    assertThat(named.body()).contains("gearId");
    Reply created =
        http.post("/api/v1/workouts", writer(other), run("2026-09-02T06:30:00Z", shoes));
    assertThat(created.status()).isEqualTo(422);
    Reply onOwnersGear =
        http.put("/api/v1/workouts/" + othersRun + "/gear", writer(owner), object("gearId", shoes));
    assertThat(onOwnersGear.status()).as("not the owner's workout").isEqualTo(404);
    assertThat(http.get("/api/v1/gear/" + shoes, reader(owner)).json().get("workouts").asLong())
        .isZero();
    assertThat(
            http.post("/api/v1/gear", reader(owner), object("kind", "shoes", "name", "x")).status())
        .as("workouts:read cannot add gear")
        .isEqualTo(403);
  }

  @Test
  void badGearIsRefusedNamingTheField() {
    UUID athlete = UUID.randomUUID();
    assertProblem(
        http.post("/api/v1/gear", writer(athlete), object("kind", "skis", "name", "Skis")), "kind");
    assertProblem(
        http.post(
            "/api/v1/gear",
            writer(athlete),
            object("kind", "bike", "name", "Bike", "defaultFor", List.of("curling"))),
        "defaultFor[0]");
    assertProblem(
        http.post("/api/v1/gear", writer(athlete), object("kind", "bike", "name", " ")), "name");
    assertProblem(
        http.post(
            "/api/v1/gear",
            writer(athlete),
            object("kind", "bike", "name", "Bike", "reminderMeters", -5)),
        "reminderMeters");
    assertProblem(
        http.post(
            "/api/v1/gear",
            writer(athlete),
            object("kind", "bike", "name", "Bike", "retiredOn", "2999-01-01")),
        "retiredOn");
    assertProblem(
        http.post(
            "/api/v1/gear", writer(athlete), object("kind", "bike", "name", "Bike", "wheels", 2)),
        "wheels");
    assertThat(list(athlete, "")).isEmpty();
  }

  @Test
  void theSameIdempotencyKeyAddsTheGearOnceAndPagesFollowEachOther() {
    UUID athlete = UUID.randomUUID();
    Map<String, Object> body = object("kind", "shoes", "name", "Once");
    String first = idOf(http.send(keyed(athlete, "gear-key-1", body)));
    String again = idOf(http.send(keyed(athlete, "gear-key-1", body)));
    assertThat(again).isEqualTo(first);
    String second = gear(athlete, object("kind", "other", "name", "Heart-rate strap"));
    String third = gear(athlete, object("kind", "bike", "name", "Track bike"));

    JsonNode page = http.get("/api/v1/gear?limit=2", reader(athlete)).json();
    assertThat(ids(page)).containsExactly(first, second);
    JsonNode next =
        http.get(
                "/api/v1/gear?limit=2&cursor=" + page.get("nextCursor").asString(), reader(athlete))
            .json();
    assertThat(ids(next)).containsExactly(third);
    assertThat(next.get("nextCursor").isNull()).isTrue();
  }

  private java.net.http.HttpRequest keyed(UUID athlete, String key, Map<String, Object> body) {
    return http.request("/api/v1/gear", writer(athlete))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
        .build();
  }

  private String gear(UUID athlete, Map<String, Object> body) {
    return idOf(http.post("/api/v1/gear", writer(athlete), body));
  }

  private JsonNode workout(
      UUID athlete, String sport, String start, int seconds, double meters, String gearId) {
    Map<String, Object> body =
        new HashMap<>(
            object(
                "sport",
                sport,
                "startTime",
                start,
                "durationSeconds",
                seconds,
                "distanceMeters",
                meters));
    if (gearId != null) {
      body.put("gearId", gearId);
    }
    Reply created = http.post("/api/v1/workouts", writer(athlete), body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private static Map<String, Object> run(String start, String gearId) {
    return object(
        "sport",
        "run",
        "startTime",
        start,
        "durationSeconds",
        3000,
        "distanceMeters",
        10_000.0,
        "gearId",
        gearId);
  }

  private List<String> list(UUID athlete, String query) {
    Reply reply = http.get("/api/v1/gear" + query, reader(athlete));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return ids(reply.json());
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
  }

  private long reminders(String gearId) {
    return jdbc.queryForObject(
        "select count(*) from workout.outbox_event where event_type = 'GearDistanceReached'"
            + " and envelope -> 'payload' ->> 'gearId' = ?",
        Long.class,
        gearId);
  }

  private JsonNode reminder(String gearId) {
    String envelope =
        jdbc.queryForObject(
            "select envelope::text from workout.outbox_event where event_type = 'GearDistanceReached'"
                + " and envelope -> 'payload' ->> 'gearId' = ?",
            String.class,
            gearId);
    return HttpJson.parse(envelope).get("payload");
  }

  private static void assertProblem(Reply reply, String field) {
    assertThat(reply.status()).as(reply.body()).isIn(400, 422);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body()).contains(field);
  }

  private static String idOf(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isIn(200, 201);
    return reply.json().get("id").asString();
  }

  private static String writer(UUID user) {
    return tokens.forUser(user, "workouts:read", "workouts:write");
  }

  private static String reader(UUID user) {
    return tokens.forUser(user, "workouts:read");
  }
}
