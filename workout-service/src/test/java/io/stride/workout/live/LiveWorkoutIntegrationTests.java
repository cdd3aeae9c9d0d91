package io.stride.workout.live;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class LiveWorkoutIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();

  @Autowired HttpJson http;

  @Test
  void aTrackerRecordsALiveRideAndFinishingMakesAWorkoutWithTheSameMetricsAsAFile() {
    UUID user = UUID.randomUUID();
    String device = tokens.forUser(user, "readings:write");
    Instant start = Instant.now().minus(30, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    Reply started =
        http.post(
            "/api/v1/workouts/live",
            device,
            object("deviceId", "bike-computer-9", "sport", "ride", "startTime", start.toString()));
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String id = started.json().get("id").asString();

    List<Map<String, Object>> samples = new ArrayList<>();
    for (int s = 0; s <= 600; s++) {
      String time = start.plusSeconds(s).toString();
      samples.add(
          object(
              "type",
              "gps",
              "time",
              time,
              "lat",
              45.0 + s * 0.0000899,
              "lng",
              6.0,
              "alt",
              300.0 + s / 10.0));
      samples.add(object("type", "heart_rate", "time", time, "value", 120 + s % 20));
      samples.add(object("type", "power", "time", time, "value", 180));
    }
    Reply posted =
        http.post(
            "/api/v1/readings",
            device,
            object("deviceId", "bike-computer-9", "batch", 1, "samples", samples));
    assertThat(posted.status()).as(posted.body()).isEqualTo(200);

    Reply finished = http.post("/api/v1/workouts/live/" + id + "/finish", device, object());
    Reply again = http.post("/api/v1/workouts/live/" + id + "/finish", device, object());

    assertThat(finished.status()).as(finished.body()).isEqualTo(200);
    assertThat(finished.json().get("status").asString()).isEqualTo("finished");
    assertThat(again.json().get("workoutId").asString())
        .isEqualTo(finished.json().get("workoutId").asString());
    JsonNode workout =
        http.get(
                "/api/v1/workouts/" + finished.json().get("workoutId").asString(),
                tokens.forUser(user, "workouts:read"))
            .json();
    assertThat(workout.get("source").asString()).isEqualTo("live");
    assertThat(workout.get("sport").asString()).isEqualTo("ride");
    assertThat(workout.get("elapsedSeconds").asInt()).isEqualTo(600);
    assertThat(workout.get("distanceMeters").asDouble())
        .isBetween(5900.0, 6100.0); // 10 m/s for 600 s
    assertThat(workout.get("elevationGainMeters").asDouble()).isBetween(50.0, 62.0);
    assertThat(workout.get("metrics").get("averagePower").asDouble()).isEqualTo(180.0);
    assertThat(workout.get("metrics").get("bestEfforts").get(0).get("name").asString())
        .isEqualTo("5k");
  }

  @Test
  void anotherUsersLiveWorkoutIsNotFoundAndAppTokensCannotRecord() {
    UUID owner = UUID.randomUUID();
    Reply started =
        http.post(
            "/api/v1/workouts/live",
            tokens.forUser(owner, "readings:write"),
            object("deviceId", "watch", "sport", "run"));
    String id = started.json().get("id").asString();

    assertThat(
            http.post(
                    "/api/v1/workouts/live/" + id + "/finish",
                    tokens.forUser(UUID.randomUUID(), "readings:write"),
                    object())
                .status())
        .isEqualTo(404);
    assertThat(
            http.post(
                    "/api/v1/workouts/live",
                    tokens.forUser(owner, "workouts:write"),
                    object("deviceId", "watch", "sport", "run"))
                .status())
        .isEqualTo(403);
    Reply empty =
        http.post(
            "/api/v1/workouts/live/" + id + "/finish",
            tokens.forUser(owner, "readings:write"),
            object());
    assertThat(empty.status()).isEqualTo(422);
  }
}
