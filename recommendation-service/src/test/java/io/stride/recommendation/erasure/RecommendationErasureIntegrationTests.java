package io.stride.recommendation.erasure;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static io.stride.recommendation.RecommendationFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.recommendation.RecommendationFixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
                    Map.of("response", "accepted"))
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
}
