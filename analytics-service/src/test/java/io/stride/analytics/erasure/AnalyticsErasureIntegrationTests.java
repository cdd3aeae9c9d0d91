package io.stride.analytics.erasure;

import static io.stride.analytics.AnalyticsHistory.profile;
import static io.stride.analytics.AnalyticsHistory.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.AnalyticsHistory;
import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.StrideIntegrationTest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UserDeleted erases every row analytics-service holds about the user; late events bring none back.
 */
@StrideIntegrationTest
class AnalyticsErasureIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void userDeletedErasesTheAthletesProfileCopyWorkoutsAndLoads() {
    AnalyticsHistory history = new AnalyticsHistory(jdbc);
    UUID leaving = UUID.randomUUID();
    history.send(profile(leaving, "UTC", "MALE", null, 190, 50, 1));
    UUID staying = history.athlete("UTC", null);
    history.record(run(leaving, Instant.now().minusSeconds(3600), 10, 50, 150));
    history.record(run(staying, Instant.now().minusSeconds(3600), 10, 50, 150));
    assertThat(Erasure.findRowsOf(dataSource, "analytics", leaving, Set.of()))
        .as("the helper sees the user before the erasure")
        .anyMatch(place -> place.startsWith("workout."))
        .anyMatch(place -> place.startsWith("athlete."));

    history.send(new UserDeleted(leaving, Instant.now()));

    Erasure.assertNoRowsOf(dataSource, "analytics", leaving);
    history.send(profile(leaving, "UTC", "MALE", null, 190, 50, 2));
    history.record(run(leaving, Instant.now().minusSeconds(60), 5, 25, 150));
    Erasure.assertNoRowsOf(dataSource, "analytics", leaving);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from analytics.workout where owner_id = ?",
                Integer.class,
                staying))
        .isEqualTo(1);
  }
}
