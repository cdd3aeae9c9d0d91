package io.stride.recommendation.groups;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static io.stride.recommendation.RecommendationFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.gamification.ChallengeDeleted;
import io.stride.contracts.gamification.ChallengeLeft;
import io.stride.contracts.social.ClubLeft;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.recommendation.RecommendationFixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Challenges and clubs to join, from the athlete's sports, region and level. */
@StrideIntegrationTest
class GroupSuggestionsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  private RecommendationFixtures world;

  @BeforeEach
  void world() {
    world = new RecommendationFixtures(dataSource);
  }

  @Test
  void challengesOfMySportsAndRegionAreSuggestedNotThoseOfAnotherSportRegionOrClub() {
    UUID me = world.athlete("IS");
    world.weeksOf(me, "run", 28, 50, 10000);
    UUID myClub = world.club("Reykjavik Runners", "run", "IS", false);
    world.join(myClub, me);
    UUID regional =
        world.challenge("Iceland 100 km", "run", "distance", 100_000, "region", "IS", null, 30);
    UUID ofMyClub = world.challenge("Club 20 runs", "run", "count", 20, "club", null, myClub, 30);
    UUID swim =
        world.challenge("Swim 10 km", "swim", "distance", 10_000, "everyone", null, null, 30);
    UUID elsewhere =
        world.challenge("Norway 100 km", "run", "distance", 100_000, "region", "NO", null, 30);
    UUID otherClub =
        world.challenge("Another club", "run", "count", 20, "club", null, UUID.randomUUID(), 30);
    UUID over = world.challenge("Last month", "run", "count", 5, "everyone", null, null, 0);
    world.profile(me, "IS", "PUBLIC");
    world.settled(me);

    JsonNode items = challenges(me).get("items");
    assertThat(ids(items, "challengeId"))
        .contains(regional, ofMyClub)
        .doesNotContain(swim, elsewhere, otherClub, over);
    JsonNode first = items.get(0);
    assertThat(first.get("reasons").toString()).contains("For running, one of your sports");
    assertThat(first.get("goal").asString()).isIn("distance", "count");
  }

  @Test
  void aChallengeJoinedLeftDismissedOrDeletedIsNotSuggestedAndOnlyASuggestedOneCanBeDismissed() {
    UUID me = world.athlete("IS");
    world.weeksOf(me, "run", 14, 40, 8000);
    UUID joined = world.challenge("Joined", "run", "count", 10, "region", "IS", null, 20);
    UUID left = world.challenge("Left", "run", "count", 10, "region", "IS", null, 20);
    UUID dismissed = world.challenge("Dismissed", "run", "count", 10, "region", "IS", null, 20);
    UUID deleted = world.challenge("Deleted", "run", "count", 10, "region", "IS", null, 20);
    world.settled(me);
    assertThat(ids(challenges(me).get("items"), "challengeId"))
        .contains(joined, left, dismissed, deleted);

    world.joinChallenge(joined, me);
    world.joinChallenge(left, me);
    world.send(new ChallengeLeft(left, me, Instant.now()));
    world.send(new ChallengeDeleted(deleted, Instant.now()));
    String path = "/api/v1/recommendations/challenges/" + dismissed + "/dismissal";
    assertThat(http.put(path, writer(me), null).status()).isEqualTo(204);
    assertThat(ids(challenges(me).get("items"), "challengeId"))
        .as("hidden at once")
        .doesNotContain(joined, left, dismissed, deleted);
    world.settled(me);
    assertThat(ids(challenges(me).get("items"), "challengeId"))
        .as("and after the refresh")
        .doesNotContain(joined, left, dismissed, deleted);

    UUID stranger = world.athlete("IS");
    world.settled(stranger);
    assertThat(
            http.put(
                    "/api/v1/recommendations/challenges/" + UUID.randomUUID() + "/dismissal",
                    writer(stranger),
                    null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void clubsOfMyCountryAndSportAreSuggestedWithFriendsInThemButNotOnesILeft() {
    UUID me = world.athlete("MT");
    world.weeksOf(me, "ride", 21, 90, 40000);
    UUID friend = world.athlete("MT");
    world.follow(me, friend);
    UUID withFriend = world.club("Valletta Riders", "ride", "MT", false);
    world.join(withFriend, friend);
    UUID privateWithFriend = world.club("Closed Riders", "ride", "MT", true);
    world.join(privateWithFriend, friend);
    UUID runners = world.club("Malta Runners", "run", "MT", false);
    UUID leftOne = world.club("Old Riders", "ride", "MT", false);
    world.join(leftOne, me);
    world.send(new ClubLeft(leftOne, me, "LEFT", Instant.now()));
    UUID abroad = world.club("Sicily Riders", "ride", "IT", false);
    world.profile(me, "MT", "PUBLIC");
    world.settled(me);

    JsonNode items = clubs(me).get("items");
    assertThat(ids(items, "clubId"))
        .startsWith(withFriend)
        .contains(privateWithFriend)
        .doesNotContain(runners, leftOne, abroad);
    assertThat(items.get(0).get("reasons").get(0).get("text").asString())
        .isEqualTo("1 athlete you follow is in this club");
    JsonNode closed = items.get(ids(items, "clubId").indexOf(privateWithFriend));
    assertThat(closed.get("privateClub").asBoolean()).isTrue();
    assertThat(closed.get("reasons").toString())
        .as("a private club's members are not shown to non-members")
        .doesNotContain("you follow");
  }

  private JsonNode challenges(UUID me) {
    HttpJson.Reply reply = http.get("/api/v1/recommendations/challenges?limit=50", reader(me));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode clubs(UUID me) {
    HttpJson.Reply reply = http.get("/api/v1/recommendations/clubs?limit=50", reader(me));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private static List<UUID> ids(JsonNode items, String field) {
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : items) {
      ids.add(UUID.fromString(item.get(field).asString()));
    }
    return ids;
  }
}
