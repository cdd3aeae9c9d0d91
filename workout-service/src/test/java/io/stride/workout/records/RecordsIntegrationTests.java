package io.stride.workout.records;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class RecordsIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anAthletesRecordsAreTheirFarthestLongestMostClimbingFastestAndBestEffortsPerFamily() {
    UUID athlete = UUID.randomUUID();
    String tenK = workout(athlete, "run", "2026-05-01T06:00:00Z", 3000, 10_000, 50);
    String half = workout(athlete, "trail_run", "2026-05-08T06:00:00Z", 7800, 21_100, 300);
    workout(athlete, "run", "2026-05-09T06:00:00Z", 90, 500, null); // fast, but too short
    String ride = workout(athlete, "ride", "2026-05-10T06:00:00Z", 5400, 40_000, 800);
    effort(tenK, athlete, "5k", 5000, 1450, "2026-05-01T06:10:00Z");
    effort(half, athlete, "5k", 5000, 1700, "2026-05-08T06:00:00Z");
    effort(half, athlete, "10k", 10000, 3500, "2026-05-08T06:00:00Z");

    Reply reply = http.get("/api/v1/workouts/records", reader(athlete));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode running = family(reply.json(), "running");
    assertThat(running.get("farthest").get("workoutId").asString()).isEqualTo(half);
    assertThat(running.get("farthest").get("value").asDouble()).isEqualTo(21_100);
    assertThat(running.get("longest").get("value").asDouble()).isEqualTo(7800);
    assertThat(running.get("mostClimbing").get("value").asDouble()).isEqualTo(300);
    assertThat(running.get("fastestAverageSpeed").get("workoutId").asString()).isEqualTo(tenK);
    assertThat(running.get("fastestAverageSpeed").get("value").asDouble())
        .isCloseTo(10_000 / 3000.0, within(1e-9));
    JsonNode efforts = running.get("bestEfforts");
    assertThat(efforts.size()).isEqualTo(2);
    assertThat(efforts.get(0).get("effort").asString()).isEqualTo("5k");
    assertThat(efforts.get(0).get("seconds").asDouble()).isEqualTo(1450);
    assertThat(efforts.get(0).get("workoutId").asString()).isEqualTo(tenK);
    assertThat(efforts.get(1).get("effort").asString()).isEqualTo("10k");
    JsonNode cycling = family(reply.json(), "cycling");
    assertThat(cycling.get("farthest").get("workoutId").asString()).isEqualTo(ride);
    assertThat(cycling.get("bestEfforts").size()).isZero();
  }

  @Test
  void recordsAreTheCallersOwnAndGoWithADeletedWorkout() {
    UUID athlete = UUID.randomUUID();
    String only = workout(athlete, "hike", "2026-06-01T08:00:00Z", 14_400, 18_000, 1200);

    Reply someoneElse = http.get("/api/v1/workouts/records", reader(UUID.randomUUID()));
    assertThat(someoneElse.json().get("families").size()).isZero();

    assertThat(http.delete("/api/v1/workouts/" + only, writer(athlete)).status()).isEqualTo(204);
    assertThat(http.get("/api/v1/workouts/records", reader(athlete)).json().get("families").size())
        .isZero();
  }

  @Test
  void readingRecordsNeedsTheReadScope() {
    assertThat(
            http.get("/api/v1/workouts/records", tokens.forUser(UUID.randomUUID(), "profile:read"))
                .status())
        .isEqualTo(403);
  }

  private static JsonNode family(JsonNode records, String name) {
    for (JsonNode family : records.get("families")) {
      if (family.get("family").asString().equals(name)) {
        return family;
      }
    }
    throw new AssertionError("no " + name + " records in " + records);
  }

  private String workout(
      UUID athlete, String sport, String start, int seconds, double meters, Integer climb) {
    Map<String, Object> body =
        object(
            "sport",
            sport,
            "startTime",
            start,
            "durationSeconds",
            seconds,
            "distanceMeters",
            meters);
    if (climb != null) {
      body.put("elevationGainMeters", climb);
    }
    Reply created = http.post("/api/v1/workouts", writer(athlete), body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** A stored best effort, as the import of a file stores them. */
  private void effort(
      String workout, UUID athlete, String name, double meters, double seconds, String start) {
    jdbc.update(
        "insert into workout.best_effort (workout_id, owner_id, family, effort, meters, seconds,"
            + " start_time) values (?, ?, 'RUNNING', ?, ?, ?, ?)",
        UUID.fromString(workout),
        athlete,
        name,
        meters,
        seconds,
        Timestamp.from(Instant.parse(start)));
  }

  private static String writer(UUID user) {
    return tokens.forUser(user, "workouts:read", "workouts:write");
  }

  private static String reader(UUID user) {
    return tokens.forUser(user, "workouts:read");
  }
}
