package io.stride.analytics.community;

import static io.stride.analytics.AnalyticsHistory.reader;
import static io.stride.analytics.AnalyticsHistory.workout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A region's week for others to see: k-anonymous, public workouts of public accounts only. */
@StrideIntegrationTest
class RegionWeekIntegrationTests {

  static final Instant TUESDAY = Instant.parse("2026-06-09T07:00:00Z");

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  AnalyticsHistory history;

  @BeforeEach
  void history() {
    history = new AnalyticsHistory(jdbc);
  }

  @Test
  void nineAthletesShowNothingTheTenthShowsTheWeekWithoutPrivateWorkoutsOrAccounts() {
    String region = region();
    String path = "/api/v1/analytics/regions/" + region + "/weekly?sport=run&week=2026-06-11";
    for (int i = 0; i < 9; i++) {
      runIn(region, "PUBLIC", "public", 10);
    }
    runIn(region, "PRIVATE", "public", 40);
    runIn(region, "PUBLIC", "private", 40);
    UUID viewer = history.athlete("UTC", null);

    JsonNode nine = ok(path, viewer);
    assertThat(nine.get("suppressed").asBoolean()).isTrue();
    assertThat(nine.get("athletes").isNull()).isTrue();
    assertThat(nine.get("distanceMeters").isNull()).isTrue();
    assertThat(nine.get("minimumAthletes").asInt()).isEqualTo(10);

    runIn(region + "-BY", "PUBLIC", "public", 20);

    JsonNode ten = ok(path, viewer);
    assertThat(ten.get("suppressed").asBoolean()).isFalse();
    assertThat(ten.get("from").asString()).isEqualTo("2026-06-08");
    assertThat(ten.get("to").asString()).isEqualTo("2026-06-14");
    assertThat(ten.get("athletes").asInt())
        .as("a subdivision counts for its country")
        .isEqualTo(10);
    assertThat(ten.get("workouts").asInt()).isEqualTo(10);
    assertThat(ten.get("distanceMeters").asDouble()).isEqualTo(110000.0);
    assertThat(ten.get("averageDistanceMeters").asDouble()).isEqualTo(11000.0);
    assertThat(ten.get("summary").asString()).contains("10 athletes", "11.0 km");
  }

  @Test
  void anUnknownRegionIsNotFoundAndAMalformedOneRefused() {
    UUID viewer = history.athlete("UTC", null);

    assertThat(http.get("/api/v1/analytics/regions/QQ/weekly", reader(viewer)).status())
        .isEqualTo(404);
    assertThat(http.get("/api/v1/analytics/regions/not-a-region/weekly", reader(viewer)).status())
        .isBetween(400, 422);
  }

  /** A fresh country code for this test, known to the region copy. */
  private String region() {
    String code = "X" + (char) ('A' + (int) (Math.random() * 26));
    send(code);
    send(code + "-BY");
    return code;
  }

  private void send(String code) {
    TopicWriter.send(TestEvents.regionSettings(code, "MONDAY", Map.of()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/" + code, null).status() == 200);
  }

  private void runIn(String region, String accountPrivacy, String visibility, double km) {
    UUID athlete = UUID.randomUUID();
    history.send(TestEvents.profileUpdated(athlete, "Runner", accountPrivacy, "UTC", region, 1));
    history.send(
        new WorkoutRecorded(
            workout(UUID.randomUUID(), athlete, "run", TUESDAY, km, 60, null, null, null)
                .withVisibility(visibility)));
  }

  private JsonNode ok(String path, UUID athlete) {
    HttpJson.Reply reply = http.get(path, reader(athlete));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }
}
