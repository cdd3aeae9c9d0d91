package io.stride.analytics.totals;

import static io.stride.analytics.AnalyticsHistory.reader;
import static io.stride.analytics.AnalyticsHistory.run;
import static io.stride.analytics.AnalyticsHistory.workout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicWriter;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Totals by local day, week, month and year, through the API. */
@StrideIntegrationTest
class TotalsIntegrationTests {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  AnalyticsHistory history;

  @BeforeEach
  void history() {
    history = new AnalyticsHistory(jdbc);
  }

  @Test
  void weeklyTotalsAreZeroFilledOnTheAthletesOwnDaysOverallAndPerSport() {
    UUID athlete = history.athlete("Europe/Berlin", null);
    // Monday 5 January 2026, 00:30 in Berlin: still Sunday in UTC, but Berlin's week 2
    history.record(run(athlete, at(2026, 1, 5, 0, 30), 10, 50, 150));
    history.record(run(athlete, at(2026, 1, 7, 18, 0), 5, 25, null));
    history.record(
        workout(UUID.randomUUID(), athlete, "ride", at(2026, 1, 20, 9, 0), 40, 90, null, null, 5));

    JsonNode totals =
        ok("/api/v1/analytics/me/totals?period=week&from=2025-12-29&to=2026-01-25", athlete);

    assertThat(totals.get("period").asString()).isEqualTo("week");
    assertThat(totals.get("timeZone").asString()).isEqualTo("Europe/Berlin");
    assertThat(totals.get("firstDayOfWeek").asString()).isEqualTo("monday");
    assertThat(texts(totals.get("starts")))
        .containsExactly("2025-12-29", "2026-01-05", "2026-01-12", "2026-01-19");
    JsonNode overall = totals.get("overall");
    assertThat(ints(overall.get("workouts"))).containsExactly(0, 2, 0, 1);
    assertThat(doubles(overall.get("distanceMeters"))).containsExactly(0.0, 15000.0, 0.0, 40000.0);
    assertThat(longs(overall.get("movingSeconds"))).containsExactly(0L, 4500L, 0L, 5400L);
    assertThat(longs(overall.get("calories"))).containsExactly(0L, 900L, 0L, 2400L);
    assertThat(totals.get("sports")).hasSize(2);
    assertThat(totals.get("sports").get(0).get("sport").asString()).isEqualTo("ride");
    assertThat(ints(totals.get("sports").get(1).get("series").get("workouts")))
        .containsExactly(0, 2, 0, 0);

    JsonNode runsOnly =
        ok(
            "/api/v1/analytics/me/totals?period=month&from=2026-01-01&to=2026-02-01&sport=run",
            athlete);
    assertThat(texts(runsOnly.get("starts"))).containsExactly("2026-01-01", "2026-02-01");
    assertThat(ints(runsOnly.get("overall").get("workouts"))).containsExactly(2, 0);
  }

  @Test
  void aRegionWhoseWeekStartsOnSundayGetsSundayWeeks() {
    region("US-TX", "SUNDAY");
    UUID athlete = history.athlete("America/Chicago", "US-TX");
    // Sunday 11 January 2026
    history.record(
        run(
            athlete,
            LocalDateTime.of(2026, 1, 11, 8, 0).atZone(ZoneId.of("America/Chicago")).toInstant(),
            8,
            40,
            null));

    JsonNode totals =
        ok("/api/v1/analytics/me/totals?period=week&from=2026-01-05&to=2026-01-17", athlete);

    assertThat(totals.get("firstDayOfWeek").asString()).isEqualTo("sunday");
    assertThat(texts(totals.get("starts"))).containsExactly("2026-01-04", "2026-01-11");
    assertThat(ints(totals.get("overall").get("workouts"))).containsExactly(0, 1);
  }

  @Test
  void anEditedThenDeletedWorkoutCountsAsItsLatestStateAndThenNotAtAll() {
    UUID athlete = history.athlete("UTC", null);
    UUID id = UUID.randomUUID();
    Instant start = Instant.parse("2026-03-10T07:00:00Z");
    history.record(workout(id, athlete, "run", start, 10, 50, null, null, null));
    history.send(
        new WorkoutUpdated(workout(id, athlete, "run", start, 12, 60, null, null, null), 2));
    history.send(
        new WorkoutUpdated(workout(id, athlete, "run", start, 99, 60, null, null, null), 1));
    String path = "/api/v1/analytics/me/totals?period=day&from=2026-03-10&to=2026-03-10";

    assertThat(doubles(ok(path, athlete).get("overall").get("distanceMeters")))
        .as("the older state arriving late changes nothing")
        .containsExactly(12000.0);

    history.send(new WorkoutDeleted(id, athlete));
    history.record(workout(id, athlete, "run", start, 10, 50, null, null, null));

    assertThat(ints(ok(path, athlete).get("overall").get("workouts")))
        .as("a replayed record of the deleted workout does not bring it back")
        .containsExactly(0);
  }

  @Test
  void thisWeekIsComparedWithLastWeekAndTheFourWeeksBefore() {
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(ZoneId.of("UTC"));
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    history.record(
        run(athlete, monday.atTime(6, 0).toInstant(java.time.ZoneOffset.UTC), 10, 50, null));
    history.record(
        run(
            athlete,
            monday.minusDays(3).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC),
            6,
            30,
            null));
    history.record(
        run(
            athlete,
            monday.minusDays(20).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC),
            14,
            70,
            null));

    JsonNode weeks = ok("/api/v1/analytics/me/weeks", athlete);

    assertThat(weeks.get("thisWeek").get("from").asString()).isEqualTo(monday.toString());
    assertThat(weeks.get("thisWeek").get("distanceMeters").asDouble()).isEqualTo(10000.0);
    assertThat(weeks.get("lastWeek").get("distanceMeters").asDouble()).isEqualTo(6000.0);
    assertThat(weeks.get("lastFourWeeks").get("distanceMeters").asDouble()).isEqualTo(20000.0);
    assertThat(weeks.get("fourWeekAverage").get("distanceMeters").asDouble()).isEqualTo(5000.0);
    assertThat(weeks.get("fourWeekAverage").get("workouts").asDouble()).isEqualTo(0.5);
    assertThat(weeks.get("thisWeek").get("sports").get(0).get("sport").asString()).isEqualTo("run");
  }

  @Test
  void rangesTheApiCannotAnswerAre4xxNamingTheParameter() {
    UUID athlete = history.athlete("UTC", null);
    String token = reader(athlete);

    HttpJson.Reply backwards =
        http.get("/api/v1/analytics/me/totals?period=day&from=2026-02-01&to=2026-01-01", token);
    assertThat(backwards.status()).isEqualTo(422);
    assertThat(backwards.contentType()).startsWith("application/problem+json");
    assertThat(backwards.body()).contains("to");
    HttpJson.Reply tooMany =
        http.get("/api/v1/analytics/me/totals?period=day&from=2000-01-01&to=2026-01-01", token);
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.body()).contains("at most 2200 days");
    assertThat(http.get("/api/v1/analytics/me/totals?period=fortnight", token).status())
        .isBetween(400, 422);
    assertThat(http.get("/api/v1/analytics/me/totals?sport=RUN%20FAST", token).status())
        .isBetween(400, 422);
    assertThat(http.get("/api/v1/analytics/me/totals?from=yesterday", token).status())
        .isBetween(400, 422);
  }

  @Test
  void nobodySeesAnotherAthletesTotals() {
    UUID owner = history.athlete("UTC", null);
    UUID other = history.athlete("UTC", null);
    history.record(run(owner, Instant.parse("2026-04-01T07:00:00Z"), 10, 50, null));

    JsonNode theirs =
        ok("/api/v1/analytics/me/totals?period=day&from=2026-04-01&to=2026-04-01", other);

    assertThat(ints(theirs.get("overall").get("workouts"))).containsExactly(0);
    assertThat(http.get("/api/v1/analytics/me/totals", null).status()).isEqualTo(401);
  }

  private void region(String code, String firstDay) {
    TopicWriter.send(TestEvents.regionSettings(code, firstDay, Map.of()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/" + code, null).status() == 200);
  }

  private JsonNode ok(String path, UUID athlete) {
    HttpJson.Reply reply = http.get(path, reader(athlete));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static Instant at(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(BERLIN).toInstant();
  }

  static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  static List<Integer> ints(JsonNode array) {
    return array.valueStream().map(JsonNode::asInt).toList();
  }

  static List<Long> longs(JsonNode array) {
    return array.valueStream().map(JsonNode::asLong).toList();
  }

  static List<Double> doubles(JsonNode array) {
    return array.valueStream().map(JsonNode::asDouble).toList();
  }
}
