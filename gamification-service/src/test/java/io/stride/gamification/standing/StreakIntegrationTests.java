package io.stride.gamification.standing;

import static io.stride.gamification.TestHistory.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.gamification.GamificationTopics;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Streaks on the athlete's own clock, through DST, late uploads and moves, through the API. */
@StrideIntegrationTest
class StreakIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  TestHistory history;

  @BeforeEach
  void history() {
    history = new TestHistory(jdbc);
  }

  @Test
  void aRunAt2330InTokyoCountsForThatTokyoDay() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    UUID athlete = history.athlete("Asia/Tokyo", "JP");
    LocalDate today = LocalDate.now(tokyo);
    // two Tokyo days in a row; in UTC the first is three days ago, the second yesterday
    runAt(athlete, today.minusDays(2).atTime(0, 30), tokyo);
    runAt(athlete, today.minusDays(1).atTime(23, 30), tokyo);

    JsonNode daily = streaks(athlete).get("daily");

    assertThat(daily.get("current").asInt()).isEqualTo(2);
    assertThat(daily.get("lastDay").asString()).isEqualTo(today.minusDays(1).toString());
  }

  @Test
  void aStreakRunsThroughTheNightTheClocksGoBack() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    UUID athlete = history.athlete("Europe/Berlin", "DE");
    // 25 October 2026: Berlin's clocks go back at 03:00; runs late every evening around it
    for (int day = 23; day <= 27; day++) {
      runAt(athlete, LocalDateTime.of(2026, 10, day, 23, 15), berlin);
    }

    JsonNode progress =
        http.get("/api/v1/gamification/me", reader(athlete)).json().get("streaks").get("daily");
    assertThat(progress.get("longest").asInt()).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select daily_length from gamification.progress where user_id = ?",
                Integer.class,
                athlete))
        .isEqualTo(5);
  }

  @Test
  void aLateUploadOfAnOlderWorkoutFillsTheGapAndExtendsTheStreak() {
    ZoneId utc = ZoneId.of("UTC");
    UUID athlete = history.athlete("UTC", null);
    LocalDate today = LocalDate.now(utc);
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      runAt(athlete, today.minusDays(4).atTime(0, 5), utc);
      runAt(athlete, today.minusDays(3).atTime(0, 5), utc);
      runAt(athlete, today.minusDays(1).atTime(0, 5), utc);
      runAt(athlete, today.atTime(0, 1), utc);
      assertThat(streaks(athlete).get("daily").get("current").asInt()).isEqualTo(2);

      runAt(athlete, today.minusDays(2).atTime(0, 5), utc);

      assertThat(streaks(athlete).get("daily").get("current").asInt()).isEqualTo(5);
      assertThat(
              progress.await(
                  r ->
                      r.key().equals(athlete.toString())
                          && r.value().contains("StreakExtended")
                          && HttpJson.parse(r.value()).get("payload").get("length").asInt() == 5,
                  Duration.ofSeconds(20)))
          .hasSize(1);
    }
  }

  @Test
  void movingToAnotherZoneFoldsTheStreakAgainOnTheNewClock() {
    UUID athlete = history.athlete("UTC", null);
    // 22:30 and 23:30 UTC on two days; in Tokyo (UTC+9) both are the next morning
    runAt(athlete, LocalDateTime.of(2026, 3, 2, 22, 30), ZoneId.of("UTC"));
    runAt(athlete, LocalDateTime.of(2026, 3, 3, 23, 30), ZoneId.of("UTC"));
    assertThat(dailyLast(athlete)).isEqualTo("2026-03-03");

    history.send(TestEvents.profileUpdated(athlete, "Athlete", "PUBLIC", "Asia/Tokyo", "JP", 2));

    assertThat(dailyLast(athlete)).isEqualTo("2026-03-04");
  }

  @Test
  void aPublicHolidayLeavesTheStreakIntactWhereTheRegionsFlagSaysSo() {
    region("DE-BY", true); // 6 January: Epiphany, a public holiday in Bavaria
    region("AT", false); // and in Austria, where holidays are no rest days here
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    UUID bavarian = history.athlete("Europe/Berlin", "DE-BY");
    UUID austrian = history.athlete("Europe/Vienna", "AT");
    for (UUID athlete : List.of(bavarian, austrian)) {
      runAt(athlete, LocalDateTime.of(2026, 1, 5, 18, 0), berlin);
      runAt(athlete, LocalDateTime.of(2026, 1, 7, 18, 0), berlin);
    }

    assertThat(dailyLength(bavarian)).isEqualTo(2);
    assertThat(dailyLength(austrian)).as("no token yet, no rest day: the run broke").isEqualTo(1);
  }

  private void region(String code, boolean holidaysAreRestDays) {
    TopicWriter.send(
        TestEvents.regionSettings(
            code, "MONDAY", Map.of("holiday_rest_days", holidaysAreRestDays)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> http.get("/actuator/regions/" + code, null).status() == 200);
  }

  private int dailyLength(UUID athlete) {
    return jdbc.queryForObject(
        "select daily_length from gamification.progress where user_id = ?", Integer.class, athlete);
  }

  private String dailyLast(UUID athlete) {
    return jdbc.queryForObject(
        "select daily_last::text from gamification.progress where user_id = ?",
        String.class,
        athlete);
  }

  private JsonNode streaks(UUID athlete) {
    return http.get("/api/v1/gamification/me/streaks", reader(athlete)).json();
  }

  private void runAt(UUID athlete, LocalDateTime local, ZoneId zone) {
    history.record(TestHistory.run(athlete, local.atZone(zone).toInstant(), 5, 30));
  }
}
