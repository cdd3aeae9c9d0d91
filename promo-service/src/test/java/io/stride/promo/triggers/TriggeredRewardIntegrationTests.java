package io.stride.promo.triggers;

import static io.stride.platform.test.HttpJson.object;
import static io.stride.promo.PromoFixtures.athleteToken;
import static io.stride.promo.PromoFixtures.campaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.gamification.ChallengeCompleted;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.promo.PromoFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Activity-triggered promotions: granted by what athletes do, once each, within budget. */
@StrideIntegrationTest
class TriggeredRewardIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  PromoFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new PromoFixtures(http, dataSource);
  }

  @Test
  void theFirstWorkoutGrantsTheRewardOnceAndLaterWorkoutsDoNot() {
    UUID campaign =
        fixtures.live(
            campaign(
                "trigger", object("event", "first-workout"),
                "reward",
                    object(
                        "kind",
                        "badge",
                        "badge",
                        "first_steps_2026",
                        "badgeTitle",
                        "First steps")));
    UUID athlete = fixtures.athlete("DE", 1);

    fixtures.send(new WorkoutRecorded(run(athlete)));
    fixtures.send(new WorkoutRecorded(run(athlete)));

    assertThat(grants(campaign, athlete)).isEqualTo(1);
    HttpJson.Reply rewards = http.get("/api/v1/promo/me/rewards", athleteToken(athlete));
    assertThat(rewards.json().get("items").get(0).get("cause").asString())
        .isEqualTo("first-workout");
    assertThat(rewards.json().get("items").get(0).get("reward").get("badgeTitle").asString())
        .isEqualTo("First steps");
  }

  @Test
  void aDailyStreakReachingTheTriggerGrantsWithinBudgetAndIneligibleAthletesGetNothing() {
    UUID campaign =
        fixtures.live(
            campaign(
                "trigger", object("event", "daily-streak", "days", 30),
                "budget", object("rewards", 1)));
    UUID first = fixtures.athlete("DE", 100);
    UUID second = fixtures.athlete("DE", 100);
    UUID abroad = fixtures.athlete("FR", 100);

    fixtures.send(new StreakExtended(first, "daily", 29, LocalDate.now(), 0));
    assertThat(grants(campaign, first)).isZero();
    fixtures.send(new StreakExtended(first, "daily", 30, LocalDate.now(), 0));
    fixtures.send(new StreakExtended(first, "daily", 31, LocalDate.now(), 0));
    fixtures.send(new StreakExtended(abroad, "daily", 30, LocalDate.now(), 0));
    fixtures.send(new StreakExtended(second, "daily", 30, LocalDate.now(), 0));

    assertThat(grants(campaign, first)).isEqualTo(1);
    assertThat(grants(campaign, abroad)).isZero();
    assertThat(grants(campaign, second)).as("the budget of one is spent").isZero();
  }

  @Test
  void completingTheSponsoredChallengeGrantsTheCampaignItNames() {
    UUID campaign = fixtures.live(campaign("trigger", object("event", "sponsored-challenge")));
    UUID other = fixtures.live(campaign("trigger", object("event", "sponsored-challenge")));
    UUID athlete = fixtures.athlete("DE", 100);

    fixtures.send(
        new ChallengeCompleted(
            athlete,
            UUID.randomUUID(),
            "Run 100 km",
            "distance",
            100_000,
            100_400,
            UUID.randomUUID(),
            Instant.now(),
            campaign.toString()));

    assertThat(grants(campaign, athlete)).isEqualTo(1);
    assertThat(grants(other, athlete)).isZero();
    assertThat(
            jdbc.queryForList(
                "select ref from promo.athlete_fact where user_id = ? and kind = 'challenge'",
                String.class,
                athlete))
        .hasSize(1);
    assertThat(
            http.get("/api/v1/promo/me/premium", athleteToken(athlete))
                .json()
                .get("active")
                .asBoolean())
        .isTrue();
  }

  /** A 5 km run of the athlete, an hour ago. */
  private static WorkoutSummary run(UUID athlete) {
    return new WorkoutSummary(
        UUID.randomUUID(),
        athlete,
        "run",
        "Morning run",
        Instant.now().minusSeconds(3600),
        1800,
        1780L,
        5000.0,
        25.0,
        350,
        148,
        "public",
        "file",
        List.of(),
        4.0,
        171,
        0,
        null,
        null);
  }

  private int grants(UUID campaign, UUID athlete) {
    return jdbc.queryForObject(
        "select count(*) from promo.reward_grant where campaign_id = ? and user_id = ?",
        Integer.class,
        campaign,
        athlete);
  }
}
