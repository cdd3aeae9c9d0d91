package io.stride.social.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import io.stride.social.TestAthletes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UserDeleted erases every row social-service holds about the user (athlete copy, follows and
 * requests on either side, blocks, mutes, their events), and a late profile never brings it back.
 */
@StrideIntegrationTest
class SocialErasureIntegrationTests {

  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired HttpJson http;

  @Test
  void userDeletedErasesTheAthleteAndEveryRelationOnEitherSide() {
    UUID leaving = athlete("Leaving", "PUBLIC", 1);
    UUID friend = athlete("Friend", "PUBLIC", 1);
    UUID asked = athlete("Asked", "PRIVATE", 1);
    UUID blocked = athlete("Blocked", "PUBLIC", 1);
    http.put("/api/v1/social/following/" + friend, TestAthletes.writer(leaving), null);
    http.put("/api/v1/social/following/" + leaving, TestAthletes.writer(friend), null);
    http.put("/api/v1/social/following/" + asked, TestAthletes.writer(leaving), null);
    http.put("/api/v1/social/blocks/" + blocked, TestAthletes.writer(leaving), null);
    http.put("/api/v1/social/mutes/" + leaving, TestAthletes.writer(friend), null);
    TopicWriter.send(
        new WorkoutRecorded(
            new WorkoutSummary(
                UUID.randomUUID(),
                leaving,
                "run",
                "Last run",
                Instant.parse("2026-11-30T07:00:00Z"),
                1800,
                1750L,
                5000.0,
                null,
                null,
                null,
                "public",
                "manual",
                List.of())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.feed_item where owner_id = ?",
                        Integer.class,
                        leaving)
                    == 2);
    assertThat(Erasure.findRowsOf(dataSource, "social", leaving, Set.of()))
        .as("the helper sees the user before the erasure")
        .anyMatch(place -> place.startsWith("follow."))
        .anyMatch(place -> place.startsWith("feed_item."))
        .anyMatch(place -> place.startsWith("block."));

    TopicWriter.send(new UserDeleted(leaving, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.erased_user where user_id = ?",
                        Integer.class,
                        leaving)
                    == 1);

    Erasure.assertNoRowsOf(dataSource, "social", leaving);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from social.athlete where user_id = ?", Integer.class, friend))
        .isEqualTo(1);

    var late = TopicWriter.send(profile(leaving, "Leaving", "PUBLIC", 2));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from social.processed_event where event_id = ?",
                        Integer.class,
                        late.id())
                    == 1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from social.athlete where user_id = ?", Integer.class, leaving))
        .as("a profile arriving after the erasure does not bring the athlete back")
        .isZero();
  }

  private UUID athlete(String name, String privacy, long version) {
    UUID id = UUID.randomUUID();
    TestAthletes.profile(jdbc, id, name, privacy, version);
    return id;
  }

  private static ProfileUpdated profile(UUID id, String name, String privacy, long version) {
    return TestAthletes.profileUpdated(id, name, privacy, version);
  }
}
