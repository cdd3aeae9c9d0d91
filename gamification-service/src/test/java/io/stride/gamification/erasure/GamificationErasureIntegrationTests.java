package io.stride.gamification.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.promo.RewardGranted;
import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.gamification.TestHistory;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UserDeleted erases every row gamification-service holds about the user (badges granted by
 * promotions too); late events, a late grant among them, bring none back.
 */
@StrideIntegrationTest
class GamificationErasureIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void userDeletedErasesTheAthletesHistoryStandingAndBadges() {
    TestHistory history = new TestHistory(jdbc);
    UUID leaving = history.athlete("UTC", "DE");
    UUID staying = history.athlete("UTC", null);
    WorkoutSummary run =
        history.record(TestHistory.run(leaving, Instant.now().minusSeconds(600), 10, 50));
    history.send(new PersonalRecordSet(leaving, run.workoutId(), "run", "5k", 5000, 1400, null));
    history.send(grant(leaving, "winter_base_2026"));
    history.record(TestHistory.run(staying, Instant.now().minusSeconds(600), 10, 50));
    assertThat(Erasure.findRowsOf(dataSource, "gamification", leaving, Set.of()))
        .as("the helper sees the user before the erasure")
        .anyMatch(place -> place.startsWith("badge."))
        .anyMatch(place -> place.startsWith("granted_badge."))
        .anyMatch(place -> place.startsWith("workout_score."))
        .anyMatch(place -> place.startsWith("progress."));

    history.send(new UserDeleted(leaving, Instant.now()));

    Erasure.assertNoRowsOf(dataSource, "gamification", leaving);
    history.send(TestEvents.profileUpdated(leaving, "Late", "PUBLIC", "UTC", null, 2));
    history.record(TestHistory.run(leaving, Instant.now().minusSeconds(60), 5, 25));
    history.send(grant(leaving, "late_badge"));
    Erasure.assertNoRowsOf(dataSource, "gamification", leaving);
    assertThat(
            jdbc.queryForObject(
                "select points from gamification.progress where user_id = ?", Long.class, staying))
        .isEqualTo(70);
  }

  private static RewardGranted grant(UUID user, String badge) {
    return new RewardGranted(
        user,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Spring Boost",
        "badge",
        "code",
        null,
        null,
        null,
        badge,
        "A granted badge",
        Instant.now());
  }
}
