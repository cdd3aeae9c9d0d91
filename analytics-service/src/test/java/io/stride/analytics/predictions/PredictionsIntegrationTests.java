package io.stride.analytics.predictions;

import static io.stride.analytics.AnalyticsHistory.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** VDOT and race predictions from the runs' efforts, through the API. */
@StrideIntegrationTest
class PredictionsIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  AnalyticsHistory history;

  @BeforeEach
  void history() {
    history = new AnalyticsHistory(jdbc);
  }

  @Test
  void aRunsBest5kPredictsEachRaceByRiegelAndVdotAndNamesTheEffort() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary run =
        run(athlete, 12, 3600, List.of(new WorkoutSummary.BestEffort("5k", 5000, 1200)));
    history.send(new WorkoutRecorded(run));

    JsonNode predictions = predictions(athlete);

    assertThat(predictions.get("vdot").asDouble()).isEqualTo(49.8);
    assertThat(predictions.get("basedOn").get("workoutId").asString())
        .isEqualTo(run.workoutId().toString());
    assertThat(predictions.get("basedOn").get("effort").asString()).isEqualTo("5k");
    assertThat(predictions.get("races").get(1).get("race").asString()).isEqualTo("10k");
    assertThat(predictions.get("races").get(1).get("vdotSeconds").asDouble()).isEqualTo(2488);
    assertThat(predictions.get("races").get(1).get("riegelSeconds").asDouble()).isEqualTo(2502);
    assertThat(predictions.get("reason").isNull()).isTrue();

    history.send(new WorkoutDeleted(run.workoutId(), athlete));

    JsonNode none = predictions(athlete);
    assertThat(none.get("vdot").isNull()).isTrue();
    assertThat(none.get("races")).isEmpty();
    assertThat(none.get("reason").asString()).contains("at least 3 km");
  }

  @Test
  void aNewerStateOfARunReplacesItsEffortsAndARideKeepsNone() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary run =
        run(athlete, 12, 3600, List.of(new WorkoutSummary.BestEffort("5k", 5000, 1200)));
    history.send(new WorkoutRecorded(run));
    assertThat(efforts(run.workoutId())).containsExactly("5k 1200", "workout 3600");

    WorkoutSummary edited =
        new WorkoutSummary(
            run.workoutId(),
            athlete,
            "run",
            "Run",
            run.startTime(),
            3700,
            3700L,
            12000.0,
            30.0,
            700,
            150,
            "public",
            "file",
            List.of(new WorkoutSummary.BestEffort("10k", 10000, 3000)),
            5.0,
            180,
            0,
            null,
            null);
    history.send(new WorkoutUpdated(edited, 1));
    assertThat(efforts(run.workoutId())).containsExactly("10k 3000", "workout 3700");

    WorkoutSummary ride =
        new WorkoutSummary(
            run.workoutId(),
            athlete,
            "ride",
            "Ride",
            run.startTime(),
            3700,
            3700L,
            12000.0,
            30.0,
            700,
            150,
            "public",
            "file",
            List.of(new WorkoutSummary.BestEffort("10k", 10000, 3000)),
            5.0,
            null,
            0,
            null,
            null);
    history.send(new WorkoutUpdated(ride, 2));
    assertThat(efforts(run.workoutId())).isEmpty();
  }

  private List<String> efforts(UUID workoutId) {
    return jdbc.queryForList(
        "select name || ' ' || elapsed_seconds::bigint from analytics.best_effort where workout_id = ?"
            + " order by name",
        String.class,
        workoutId);
  }

  @Test
  void ridesAndShortRunsPredictNothing() {
    UUID athlete = history.athlete("UTC", null);
    WorkoutSummary ride =
        new WorkoutSummary(
            UUID.randomUUID(),
            athlete,
            "ride",
            "Ride",
            Instant.now().minus(2, ChronoUnit.DAYS),
            3600,
            3600L,
            30000.0,
            100.0,
            800,
            null,
            "public",
            "file",
            List.of(new WorkoutSummary.BestEffort("5k", 5000, 500)),
            12.0,
            null,
            0,
            null,
            null);
    history.send(new WorkoutRecorded(ride));
    history.send(new WorkoutRecorded(run(athlete, 2.5, 800, List.of())));

    assertThat(predictions(athlete).get("basedOn").isNull()).isTrue();
  }

  private JsonNode predictions(UUID athlete) {
    HttpJson.Reply reply = http.get("/api/v1/analytics/me/predictions", reader(athlete));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static WorkoutSummary run(
      UUID athlete, double km, long seconds, List<WorkoutSummary.BestEffort> efforts) {
    return new WorkoutSummary(
        UUID.randomUUID(),
        athlete,
        "run",
        "Run",
        Instant.now().minus(3, ChronoUnit.DAYS),
        seconds,
        seconds,
        km * 1000,
        30.0,
        700,
        150,
        "public",
        "file",
        efforts,
        5.0,
        180,
        0,
        null,
        null);
  }
}
