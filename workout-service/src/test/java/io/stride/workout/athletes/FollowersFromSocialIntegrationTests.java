package io.stride.workout.athletes;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestTokens;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * social-service's Followed and Unfollowed decide who sees followers-only workouts: at once, and a
 * replayed older event never brings a follow back.
 */
@StrideIntegrationTest
class FollowersFromSocialIntegrationTests {

  private static final TestTokens tokens = TestTokens.get();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFollowShowsFollowersOnlyWorkoutsAndItsEndHidesThemEvenWhenTheFollowIsReplayed() {
    UUID owner = UUID.randomUUID();
    UUID follower = UUID.randomUUID();
    HttpJson.Reply created =
        http.post(
            "/api/v1/workouts",
            tokens.forUser(owner, "workouts:read", "workouts:write"),
            object(
                "sport",
                "run",
                "startTime",
                "2026-11-04T07:00:00Z",
                "durationSeconds",
                1800,
                "visibility",
                "followers"));
    String path = "/api/v1/workouts/" + created.json().get("id").asString();
    String reader = tokens.forUser(follower, "workouts:read");
    assertThat(http.get(path, reader).status()).isEqualTo(404);

    var followed = TopicWriter.send(new Followed(follower, owner, false, Instant.now(), 10));
    await().atMost(WAIT).until(() -> http.get(path, reader).status() == 200);

    var ended = TopicWriter.send(new Unfollowed(follower, owner, "BLOCKED", Instant.now(), 11));
    await().atMost(WAIT).until(() -> http.get(path, reader).status() == 404);

    TopicWriter.send(followed); // the same event again
    TopicWriter.send(new Followed(follower, owner, false, Instant.now(), 9)); // an older change
    var marker = TopicWriter.send(new Unfollowed(follower, owner, "UNFOLLOWED", Instant.now(), 8));
    await().atMost(WAIT).until(() -> processed(marker.id()));
    assertThat(processed(ended.id())).isTrue();
    assertThat(http.get(path, reader).status())
        .as("older and repeated follows after the unfollow change nothing")
        .isEqualTo(404);
  }

  private boolean processed(UUID eventId) {
    return jdbc.queryForObject(
            "select count(*) from workout.processed_event where event_id = ?",
            Integer.class,
            eventId)
        == 1;
  }
}
