package io.stride.recommendation.listeners;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.contracts.gamification.ChallengeDeleted;
import io.stride.contracts.gamification.ChallengeJoined;
import io.stride.contracts.gamification.ChallengeLeft;
import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubLeft;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.recommendation.RecommendationFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events that arrive late, out of order or again (a redelivery, a replayed topic) change nothing
 * they should not: memberships follow the times they happened, and what was deleted stays deleted.
 */
@StrideIntegrationTest
class LateAndReplayedEventsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  private RecommendationFixtures world;
  private JdbcTemplate jdbc;

  @BeforeEach
  void world() {
    world = new RecommendationFixtures(dataSource);
    jdbc = new JdbcTemplate(dataSource);
  }

  @Test
  void aClubDepartureOlderThanARejoinEndsNothingAndAJoinOlderThanADepartureBringsNobodyBack() {
    UUID me = world.athlete("NL");
    UUID club = world.club("Utrecht Runners", "run", "NL", false);
    Instant monday = Instant.now().minus(Duration.ofDays(6));
    world.send(new ClubJoined(club, me, "MEMBER", monday));
    world.send(new ClubLeft(club, me, "LEFT", monday.plus(Duration.ofDays(1))));
    world.send(new ClubJoined(club, me, "MEMBER", monday.plus(Duration.ofDays(2))));
    world.send(new ClubLeft(club, me, "LEFT", monday.plus(Duration.ofDays(1))));
    assertThat(isClubMember(club, me)).as("a replayed departure of before the rejoin").isTrue();

    world.send(new ClubLeft(club, me, "LEFT", monday.plus(Duration.ofDays(3))));
    world.send(new ClubJoined(club, me, "MEMBER", monday.plus(Duration.ofDays(2))));
    assertThat(isClubMember(club, me)).as("a replayed join of before the departure").isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from recommendation.departure where athlete_id = ?"
                    + " and target_id = ?",
                Integer.class,
                me,
                club))
        .as("the club they left is never suggested to them")
        .isEqualTo(1);
  }

  @Test
  void aChallengeLeftAndRejoinedStaysJoinedWhenTheLeavingIsDeliveredAgain() {
    UUID me = world.athlete("NL");
    UUID challenge =
        world.challenge("December 100 km", "run", "distance", 100_000, "everyone", null, null, 30);
    Instant joined = Instant.now().minus(Duration.ofDays(3));
    world.send(new ChallengeJoined(challenge, me, joined));
    world.send(new ChallengeLeft(challenge, me, joined.plus(Duration.ofDays(1))));
    world.send(new ChallengeJoined(challenge, me, joined.plus(Duration.ofDays(2))));
    world.send(new ChallengeLeft(challenge, me, joined.plus(Duration.ofDays(1))));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from recommendation.challenge_participant"
                    + " where challenge_id = ? and athlete_id = ?",
                Integer.class,
                challenge,
                me))
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from recommendation.departure where athlete_id = ?",
                Integer.class,
                me))
        .as("rejoining forgot the departure")
        .isZero();
  }

  @Test
  void aChallengeDeletedBeforeItsStateArrivedNeverAppears() {
    UUID me = world.athlete("NO");
    world.weeksOf(me, "run", 14, 40, 8000);
    UUID challenge = UUID.randomUUID();
    Instant start = Instant.now().minus(Duration.ofDays(1));
    world.send(new ChallengeDeleted(challenge, Instant.now()));
    world.send(
        new ChallengeChanged(
            challenge,
            "Deleted before it was seen",
            "count",
            10,
            "run",
            start,
            start.plus(Duration.ofDays(20)),
            "everyone",
            null,
            null,
            false,
            start));
    world.settled(me);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from recommendation.challenge where challenge_id = ?",
                Integer.class,
                challenge))
        .isZero();
    assertThat(http.get("/api/v1/recommendations/challenges?limit=50", reader(me)).body())
        .doesNotContain(challenge.toString());
  }

  @Test
  void aDeletedWorkoutDeliveredAgainStaysDeleted() {
    UUID me = world.athlete("NL");
    UUID workout =
        world.workout(me, "run", Instant.now().minus(Duration.ofDays(1)), 50, 10_000, false);
    world.send(new WorkoutDeleted(workout, me));
    world.send(new WorkoutRecorded(summary(workout, me, "public")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from recommendation.workout where workout_id = ?",
                Integer.class,
                workout))
        .isZero();
  }

  @Test
  void onlyPublicWorkoutsSayWhatAnAthleteDoesToOthers() {
    UUID me = world.athlete("NL");
    UUID forFollowers = UUID.randomUUID();
    UUID forAnyone = UUID.randomUUID();
    world.send(new WorkoutRecorded(summary(forFollowers, me, "followers")));
    world.send(new WorkoutRecorded(summary(forAnyone, me, "public")));
    assertThat(
            jdbc.queryForList(
                "select workout_id from recommendation.workout where user_id = ? and shown",
                UUID.class,
                me))
        .containsExactly(forAnyone);
  }

  private boolean isClubMember(UUID club, UUID athlete) {
    return jdbc.queryForObject(
            "select count(*) from recommendation.club_member where club_id = ? and athlete_id = ?",
            Integer.class,
            club,
            athlete)
        == 1;
  }

  private static WorkoutSummary summary(UUID id, UUID user, String visibility) {
    return new WorkoutSummary(
        id,
        user,
        "ride",
        "ride workout",
        Instant.now().minus(Duration.ofDays(2)),
        3600L,
        3600L,
        30_000.0,
        100.0,
        700,
        140,
        visibility,
        "manual",
        List.of(),
        null,
        null,
        null,
        null,
        3);
  }
}
