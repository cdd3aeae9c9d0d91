package io.stride.recommendation.people;

import static io.stride.recommendation.RecommendationFixtures.reader;
import static io.stride.recommendation.RecommendationFixtures.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.social.Blocked;
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

/** People to follow, built from the graph, clubs and workouts the events announced. */
@StrideIntegrationTest
class PeopleSuggestionsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired DataSource dataSource;

  private RecommendationFixtures world;

  @BeforeEach
  void world() {
    world = new RecommendationFixtures(dataSource);
  }

  @Test
  void friendsOfFriendsComeWithHowManyFriendsInCommonButNeverSomeoneIFollowOrABlockEitherWay() {
    UUID me = world.athlete("NL");
    UUID anna = world.athlete("NL");
    UUID bert = world.athlete("NL");
    UUID common = world.athlete("NL");
    UUID annasOnly = world.athlete("NL");
    UUID blocksMe = world.athlete("NL");
    UUID blockedByMe = world.athlete("NL");
    world.follow(me, anna);
    world.follow(me, bert);
    for (UUID friend : List.of(anna, bert)) {
      world.follow(friend, common);
      world.follow(friend, blocksMe);
      world.follow(friend, blockedByMe);
    }
    world.follow(anna, annasOnly);
    world.send(new Blocked(blocksMe, me, Instant.now(), 1));
    world.send(new Blocked(me, blockedByMe, Instant.now(), 1));
    world.settled(me);

    JsonNode items = people(me, 10).get("items");
    assertThat(ids(items)).containsExactly(common, annasOnly);
    assertThat(items.get(0).get("reasons").get(0).get("text").asString())
        .isEqualTo("2 friends in common");
    assertThat(items.get(0).get("reasons").get(0).get("count").asInt()).isEqualTo(2);
    assertThat(items.get(1).get("reasons").get(0).get("text").asString())
        .isEqualTo("1 friend in common");
    assertThat(items.get(0).get("displayName").asString()).startsWith("Athlete ");
  }

  @Test
  void aPrivateAccountIsNotSuggestedThroughFriendsButIsToAFellowClubMember() {
    UUID me = world.athlete("NL");
    UUID friend = world.athlete("NL");
    UUID hidden = world.athlete("NL", "PRIVATE");
    world.follow(me, friend);
    world.follow(friend, hidden);
    world.settled(me);
    assertThat(ids(people(me, 10).get("items"))).doesNotContain(hidden);

    UUID club = world.club("Harbour Swimmers", "swim", "NL", false);
    world.join(club, me);
    world.join(club, hidden);
    world.settled(me);
    JsonNode items = people(me, 10).get("items");
    assertThat(ids(items)).containsExactly(hidden);
    assertThat(items.get(0).get("reasons").get(0).get("text").asString())
        .isEqualTo("In your club Harbour Swimmers");
    assertThat(items.get(0).get("reasons").get(0).get("clubId").asString())
        .isEqualTo(club.toString());
  }

  @Test
  void anAccountTurningPrivateIsListedAgainWithOnlyTheClubWeShare() {
    UUID me = world.athlete("NL");
    UUID friend = world.athlete("NL");
    UUID turning = world.athlete("NL");
    world.follow(me, friend);
    world.follow(friend, turning);
    UUID club = world.club("Canal Rowers", "row", "NL", false);
    world.join(club, me);
    world.join(club, turning);
    world.settled(me);
    JsonNode before = people(me, 10).get("items");
    assertThat(ids(before)).containsExactly(turning);
    assertThat(before.get(0).get("reasons").toString()).contains("1 friend in common");

    world.profile(turning, "NL", "PRIVATE");
    world.settled(me);
    JsonNode after = people(me, 10).get("items");
    assertThat(ids(after)).as("still a fellow club member").containsExactly(turning);
    assertThat(after.get(0).get("reasons").toString())
        .as("the list holding them was made again")
        .contains("In your club Canal Rowers")
        .doesNotContain("friend in common");
  }

  @Test
  void athletesOfMyRegionDoingMySportAtMyLevelAreSuggestedNotThoseOfAnotherRegionOrSport() {
    UUID me = world.athlete("LU");
    UUID sameLevel = world.athlete("LU");
    UUID otherRegion = world.athlete("BE");
    UUID cyclist = world.athlete("LU");
    world.weeksOf(me, "run", 21, 50, 9000);
    world.weeksOf(sameLevel, "run", 21, 45, 8000);
    world.weeksOf(otherRegion, "run", 21, 50, 9000);
    world.weeksOf(cyclist, "ride", 21, 50, 25000);
    world.settled(sameLevel, otherRegion, cyclist);
    world.profile(me, "LU", "PUBLIC");
    world.settled(me);

    JsonNode items = people(me, 10).get("items");
    assertThat(ids(items)).contains(sameLevel).doesNotContain(otherRegion, cyclist);
    JsonNode first = items.get(ids(items).indexOf(sameLevel));
    assertThat(first.get("reasons").get(0).get("text").asString())
        .isEqualTo("Does running in your region at a level like yours");
  }

  @Test
  void aDismissedPersonIsGoneAtOnceAndStaysGoneAndOnlySomeoneSuggestedCanBeDismissed() {
    UUID me = world.athlete("NL");
    UUID friend = world.athlete("NL");
    UUID suggested = world.athlete("NL");
    UUID other = world.athlete("NL");
    world.follow(me, friend);
    world.follow(friend, suggested);
    world.settled(me, other);
    assertThat(ids(people(me, 10).get("items"))).containsExactly(suggested);

    String path = "/api/v1/recommendations/people/" + suggested + "/dismissal";
    assertThat(http.put(path, writer(me), null).status()).isEqualTo(204);
    assertThat(http.put(path, writer(me), null).status()).as("again: nothing new").isEqualTo(204);
    assertThat(ids(people(me, 10).get("items"))).isEmpty();
    world.profile(me, "NL", "PUBLIC");
    world.settled(me);
    assertThat(ids(people(me, 10).get("items"))).as("after a refresh too").isEmpty();

    assertThat(http.put(path, writer(other), null).status())
        .as("never suggested to another athlete: as if it did not exist")
        .isEqualTo(404);
    HttpJson.Reply unknown =
        http.put(
            "/api/v1/recommendations/people/" + UUID.randomUUID() + "/dismissal", writer(me), null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(http.put(path, reader(me), null).status())
        .as("dismissing needs recommendations:write")
        .isEqualTo(403);

    assertThat(http.delete(path, writer(me)).status()).isEqualTo(204);
    world.profile(me, "NL", "PUBLIC");
    world.settled(me);
    assertThat(ids(people(me, 10).get("items"))).containsExactly(suggested);
  }

  @Test
  void followingSomeoneSuggestedHidesThemAtOnceBeforeTheListIsRecomputed() {
    UUID me = world.athlete("NL");
    UUID friend = world.athlete("NL");
    UUID suggested = world.athlete("NL");
    world.follow(me, friend);
    world.follow(friend, suggested);
    world.settled(me);
    assertThat(ids(people(me, 10).get("items"))).containsExactly(suggested);

    world.follow(me, suggested);
    assertThat(ids(people(me, 10).get("items"))).isEmpty();
  }

  @Test
  void aListMadeAgainBetweenTwoPagesGoesOnBelowTheLastScoreSeen() {
    UUID me = world.athlete("NL");
    UUID anna = world.athlete("NL");
    UUID bert = world.athlete("NL");
    world.follow(me, anna);
    world.follow(me, bert);
    UUID both = world.athlete("NL");
    world.follow(anna, both);
    world.follow(bert, both);
    List<UUID> annasOnes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID one = world.athlete("NL");
      world.follow(anna, one);
      annasOnes.add(one);
    }
    world.settled(me);
    JsonNode first = people(me, 1);
    assertThat(ids(first.get("items"))).containsExactly(both);

    UUID cara = world.athlete("NL");
    world.follow(me, cara);
    UUID newcomer = world.athlete("NL");
    for (UUID friend : List.of(anna, bert, cara)) {
      world.follow(friend, newcomer);
    }
    world.settled(me);
    assertThat(ids(people(me, 1).get("items"))).as("ranked first now").containsExactly(newcomer);
    JsonNode next =
        http.get(
                "/api/v1/recommendations/people?limit=10&cursor="
                    + first.get("nextCursor").asString(),
                reader(me))
            .json();
    assertThat(ids(next.get("items")))
        .as("made again with a newcomer above it, the list goes on after the entry seen")
        .doesNotContain(both)
        .containsExactlyInAnyOrderElementsOf(annasOnes);
  }

  @Test
  void theListIsPagedByCursorWithABoundedPageSize() {
    UUID me = world.athlete("NL");
    UUID friend = world.athlete("NL");
    world.follow(me, friend);
    List<UUID> theirs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID one = world.athlete("NL");
      world.follow(friend, one);
      theirs.add(one);
    }
    world.settled(me);

    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          http.get(
                  "/api/v1/recommendations/people?limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor),
                  reader(me))
              .json();
      assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
      seen.addAll(ids(page.get("items")));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(theirs).doesNotHaveDuplicates();

    assertThat(http.get("/api/v1/recommendations/people?limit=51", reader(me)).status())
        .isEqualTo(400);
    HttpJson.Reply badCursor =
        http.get("/api/v1/recommendations/people?cursor=not-ours", reader(me));
    assertThat(badCursor.status()).isEqualTo(422);
    assertThat(badCursor.body()).contains("cursor");
  }

  private JsonNode people(UUID me, int limit) {
    HttpJson.Reply reply = http.get("/api/v1/recommendations/people?limit=" + limit, reader(me));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  static List<UUID> ids(JsonNode items) {
    List<UUID> ids = new ArrayList<>();
    for (JsonNode item : items) {
      ids.add(UUID.fromString(item.get("athleteId").asString()));
    }
    return ids;
  }
}
