package io.stride.analytics.kpis;

import static io.stride.analytics.AnalyticsHistory.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The business KPIs: active athletes per window, new workouts by sport and country. */
@StrideIntegrationTest
class PlatformKpisIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired PlatformKpis kpis;

  @Test
  void aNewWorkoutCountsOnceByItsSportAndCountryAndItsAthleteIsActiveInEachWindow() {
    AnalyticsHistory history = new AnalyticsHistory(jdbc);
    UUID recent = UUID.randomUUID();
    history.send(TestEvents.profileUpdated(recent, "Runner", "PUBLIC", "UTC", "DE-BY", 1));
    UUID monthAgo = history.athlete("UTC", null);
    kpis.refresh();
    double day = active("day");
    double week = active("week");
    double month = active("month");
    double german = recorded("run", "DE");
    double nowhere = recorded("run", "none");

    WorkoutSummary run =
        history.record(run(recent, Instant.now().minusSeconds(3600), 10, 50, null));
    history.send(new WorkoutUpdated(run, 1));
    history.record(run(monthAgo, Instant.now().minus(20, ChronoUnit.DAYS), 5, 30, null));
    kpis.refresh();

    assertThat(recorded("run", "DE")).as("an update is no new workout").isEqualTo(german + 1);
    assertThat(recorded("run", "none")).isEqualTo(nowhere + 1);
    assertThat(active("day")).isEqualTo(day + 1);
    assertThat(active("week")).isEqualTo(week + 1);
    assertThat(active("month")).isEqualTo(month + 2);
  }

  private double active(String window) {
    return meters.get("stride.analytics.active.athletes").tag("window", window).gauge().value();
  }

  private double recorded(String sport, String country) {
    Counter counter =
        meters
            .find("stride.analytics.workouts.recorded")
            .tags("sport", sport, "country", country)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
