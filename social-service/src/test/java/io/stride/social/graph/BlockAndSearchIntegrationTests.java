package io.stride.social.graph;

import static io.stride.social.TestAthletes.privateAthlete;
import static io.stride.social.TestAthletes.publicAthlete;
import static io.stride.social.TestAthletes.reader;
import static io.stride.social.TestAthletes.writer;
import static io.stride.social.graph.FollowIntegrationTests.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.social.SocialTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.social.TestAthletes;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Blocks hide two people from each other everywhere; search finds names, never hidden people. */
@StrideIntegrationTest
class BlockAndSearchIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBlockEndsTheFollowsBothWaysAndHidesEachFromTheOther() {
    String surname = unique();
    UUID olga = publicAthlete(jdbc, surname + " Olga");
    UUID piet = publicAthlete(jdbc, surname + " Piet");
    UUID quinn = publicAthlete(jdbc, surname + " Quinn");
    http.put("/api/v1/social/following/" + piet, writer(olga), null);
    http.put("/api/v1/social/following/" + olga, writer(piet), null);
    http.put("/api/v1/social/following/" + olga, writer(quinn), null);

    try (TopicReader graph = new TopicReader(SocialTopics.GRAPH.name())) {
      assertThat(http.put("/api/v1/social/blocks/" + piet, writer(olga), null).status())
          .isEqualTo(204);
      List<String> ended =
          graph
              .await(
                  record ->
                      record.value().contains("\"Unfollowed\"")
                          && mentions(record.value(), olga, piet),
                  2,
                  Duration.ofSeconds(30))
              .stream()
              .map(record -> HttpJson.parse(record.value()).get("payload").get("reason").asString())
              .toList();
      assertThat(ended).containsExactly("BLOCKED", "BLOCKED");
    }

    assertThat(http.get("/api/v1/social/athletes/" + olga, reader(piet)).status()).isEqualTo(404);
    assertThat(http.get("/api/v1/social/athletes/" + piet, reader(olga)).status()).isEqualTo(404);
    assertThat(http.put("/api/v1/social/following/" + olga, writer(piet), null).status())
        .isEqualTo(404);
    assertThat(ids(http.get("/api/v1/social/athletes/" + quinn + "/following", reader(piet))))
        .as("Quinn's following, seen by Piet, leaves out Olga who blocked him")
        .isEmpty();
    assertThat(ids(http.get("/api/v1/social/athletes?q=" + surname, reader(piet))))
        .containsExactlyInAnyOrder(piet, quinn);
    assertThat(ids(http.get("/api/v1/social/blocks", reader(olga)))).containsExactly(piet);

    assertThat(http.delete("/api/v1/social/blocks/" + piet, writer(olga)).status()).isEqualTo(204);
    assertThat(
            http.get("/api/v1/social/athletes/" + olga, reader(piet))
                .json()
                .get("relation")
                .asString())
        .as("no follow comes back with the unblock")
        .isEqualTo("NONE");
  }

  @Test
  void searchIgnoresCaseAndAccentsAndNeverListsAPrivateAccountToAStranger() {
    UUID emilie = publicAthlete(jdbc, "Émilie Müller");
    UUID hidden = privateAthlete(jdbc, "Emil Privat");
    UUID friend = publicAthlete(jdbc, "Friend");
    UUID stranger = publicAthlete(jdbc, "Stranger");
    http.put("/api/v1/social/following/" + hidden, writer(friend), null);
    http.put("/api/v1/social/follow-requests/" + friend + "/approval", writer(hidden), null);

    assertThat(ids(http.get("/api/v1/social/athletes?q=EMIL", reader(stranger))))
        .contains(emilie)
        .doesNotContain(hidden);
    assertThat(ids(http.get("/api/v1/social/athletes?q=emilie%20mull", reader(stranger))))
        .contains(emilie);
    assertThat(ids(http.get("/api/v1/social/athletes?q=emil", reader(friend))))
        .contains(emilie, hidden);
    assertThat(http.get("/api/v1/social/athletes?q=e", reader(friend)).status())
        .as("one letter is too little to search by")
        .isEqualTo(422);
  }

  @Test
  void searchFindsAnyWordOfTheNameByItsStartWithEveryWordOfTheQuery() {
    String surname = "Kip" + unique();
    UUID runner = publicAthlete(jdbc, "Eliud " + surname);
    UUID hyphenated = publicAthlete(jdbc, "Anne-Marie " + surname + "-Dupont");
    UUID reader = publicAthlete(jdbc, "Word Reader");
    String word = surname.toLowerCase();

    assertThat(ids(http.get("/api/v1/social/athletes?q=" + word, reader(reader))))
        .as("a surname")
        .containsExactly(hyphenated, runner);
    assertThat(ids(http.get("/api/v1/social/athletes?q=" + word + "%20eli", reader(reader))))
        .as("every word of the query, in any order")
        .containsExactly(runner);
    assertThat(ids(http.get("/api/v1/social/athletes?q=marie%20" + word, reader(reader))))
        .as("a word after a hyphen")
        .containsExactly(hyphenated);
    assertThat(ids(http.get("/api/v1/social/athletes?q=" + word.substring(2), reader(reader))))
        .as("the middle of a word is not its start")
        .doesNotContain(runner, hyphenated);
    assertThat(http.get("/api/v1/social/athletes?q=--", reader(reader)).status()).isEqualTo(422);
    assertThat(http.get("/api/v1/social/athletes?q=a%20b%20c%20d%20e", reader(reader)).status())
        .isEqualTo(422);

    TestAthletes.profile(jdbc, runner, "Eliud Renamed", "PUBLIC", 2);
    assertThat(ids(http.get("/api/v1/social/athletes?q=" + word, reader(reader))))
        .as("a new name replaces the words")
        .containsExactly(hyphenated);
  }

  @Test
  void searchPagesThroughEveryMatchOnceInNameOrder() {
    String surname = unique();
    for (int i = 0; i < 5; i++) {
      publicAthlete(jdbc, surname + " " + i);
    }
    UUID viewer = publicAthlete(jdbc, "Viewer");
    HttpJson.Reply first = http.get("/api/v1/social/athletes?limit=3&q=" + surname, reader(viewer));
    String cursor = first.json().get("nextCursor").asString();
    HttpJson.Reply second =
        http.get(
            "/api/v1/social/athletes?limit=3&q=" + surname + "&cursor=" + cursor, reader(viewer));

    assertThat(ids(first)).hasSize(3);
    assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
    assertThat(second.json().get("nextCursor").isNull()).isTrue();
  }

  @Test
  void aMutedAthleteIsStillFollowedAndListedAmongTheMutes() {
    UUID rita = publicAthlete(jdbc, "Rita");
    UUID sam = publicAthlete(jdbc, "Sam");
    http.put("/api/v1/social/following/" + rita, writer(sam), null);

    assertThat(http.put("/api/v1/social/mutes/" + rita, writer(sam), null).status()).isEqualTo(204);

    assertThat(ids(http.get("/api/v1/social/mutes", reader(sam)))).containsExactly(rita);
    var view = http.get("/api/v1/social/athletes/" + rita, reader(sam)).json();
    assertThat(view.get("muted").asBoolean()).isTrue();
    assertThat(view.get("relation").asString()).isEqualTo("FOLLOWING");
  }

  private static boolean mentions(String json, UUID one, UUID other) {
    return json.contains(one.toString()) && json.contains(other.toString());
  }

  /** A surname no other test uses: the athletes of all tests share one table. */
  private static String unique() {
    return "zz" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
  }
}
