package io.stride.recommendation.erasure;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static io.stride.recommendation.RecommendationFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.recommendation.RecommendationFixtures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** UserDeleted leaves nothing of the athlete in schema recommendation, nor in others' lists. */
@StrideIntegrationTest
class RecommendationErasureIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  @Test
  void userDeletedErasesTheAthletesCopiesAnswersListsAndTheirPlaceInOthersLists() {
    RecommendationFixtures world = new RecommendationFixtures(dataSource);
    UUID leaving = world.athlete("NL");
    UUID friend = world.athlete("NL");
    UUID other = world.athlete("NL");
    world.follow(leaving, friend);
    world.follow(friend, other);
    world.follow(other, friend);
    world.follow(friend, leaving);
    UUID club = world.club("Erased Runners", "run", "NL", false);
    world.join(club, leaving);
    UUID challenge =
        world.challenge("Erased 50 km", "run", "distance", 50_000, "everyone", null, null, 10);
    world.joinChallenge(challenge, leaving);
    world.weeksOf(leaving, "run", 10, 40, 8000);
    world.trainingState(leaving, 3, 1.0, 70);
    world.settled(leaving, other);
    assertThat(
            http.put(
                    "/api/v1/recommendations/training/" + LocalDate.now(ZoneOffset.UTC) + "/answer",
                    writer(leaving),
                    Map.of(
                        "suggestion",
                        http.get("/api/v1/recommendations/training/today", reader(leaving))
                            .json()
                            .get("suggestion")
                            .asString(),
                        "response",
                        "accepted"))
                .status())
        .isEqualTo(200);
    assertThat(
            http.put(
                    "/api/v1/recommendations/people/" + other + "/dismissal", writer(leaving), null)
                .status())
        .isEqualTo(204);
    assertThat(http.get("/api/v1/recommendations/people", reader(other)).body())
        .as("suggested to another athlete before")
        .contains(leaving.toString());
    assertThat(Erasure.findRowsOf(dataSource, "recommendation", leaving, Set.of()))
        .anyMatch(place -> place.startsWith("workout."))
        .anyMatch(place -> place.startsWith("training_feedback."))
        .anyMatch(place -> place.startsWith("dismissal."));

    world.send(new UserDeleted(leaving, Instant.now()));

    Erasure.assertNoRowsOf(dataSource, "recommendation", leaving);
    assertThat(http.get("/api/v1/recommendations/people", reader(other)).body())
        .doesNotContain(leaving.toString());
  }

  @Test
  void anErasureWaitsForARecomputationUnderWayAndErasesTheListItWrote() throws Exception {
    RecommendationFixtures world = new RecommendationFixtures(dataSource);
    UUID leaving = world.athlete("NL");
    world.settled(leaving);
    try (Connection refresher = dataSource.getConnection()) {
      refresher.setAutoCommit(false);
      // What the refresher does: hold the athlete's refresh row, write the athlete's new list.
      try (PreparedStatement hold =
              refresher.prepareStatement(
                  "select user_id from recommendation.refresh where user_id = ? for update");
          PreparedStatement write =
              refresher.prepareStatement(
                  "insert into recommendation.suggestion"
                      + " (user_id, kind, rank, target_id, score, reasons)"
                      + " values (?, 'club', 99, ?, 1, '[]')")) {
        hold.setObject(1, leaving);
        hold.executeQuery().close();
        write.setObject(1, leaving);
        write.setObject(2, UUID.randomUUID());
        write.executeUpdate();
      }
      CompletableFuture<Void> erasing =
          CompletableFuture.runAsync(() -> world.send(new UserDeleted(leaving, Instant.now())));
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.queryForObject(
                          "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                              + " and query like 'delete from refresh%'",
                          Integer.class)
                      == 1);
      refresher.commit();
      erasing.get(30, TimeUnit.SECONDS);
    }
    Erasure.assertNoRowsOf(dataSource, "recommendation", leaving);
  }
}
