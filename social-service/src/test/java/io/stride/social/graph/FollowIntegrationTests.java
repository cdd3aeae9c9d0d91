package io.stride.social.graph;

import static io.stride.social.TestAthletes.privateAthlete;
import static io.stride.social.TestAthletes.profile;
import static io.stride.social.TestAthletes.publicAthlete;
import static io.stride.social.TestAthletes.reader;
import static io.stride.social.TestAthletes.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.social.SocialTopics;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Following public and private accounts, requests and their answers, and the events of each. */
@StrideIntegrationTest
class FollowIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void followingAPublicAccountFollowsAtOncePublishesFollowedAndAskingTwiceChangesNothing() {
    UUID ada = publicAthlete(jdbc, "Ada");
    UUID ben = publicAthlete(jdbc, "Ben");

    try (TopicReader graph = new TopicReader(SocialTopics.GRAPH.name())) {
      Reply first = http.put("/api/v1/social/following/" + ada, writer(ben), null);
      Reply again = http.put("/api/v1/social/following/" + ada, writer(ben), null);

      assertThat(first.status()).as(first.body()).isEqualTo(200);
      assertThat(first.json().get("status").asString()).isEqualTo("FOLLOWING");
      assertThat(again.json().get("since").asString())
          .isEqualTo(first.json().get("since").asString());
      List<String> types = typesAbout(graph, ada, 1);
      assertThat(types).containsExactly("Followed");
    }
    assertThat(ids(http.get("/api/v1/social/athletes/" + ada + "/followers", reader(ben))))
        .containsExactly(ben);
    assertThat(ids(http.get("/api/v1/social/athletes/" + ben + "/following", reader(ada))))
        .containsExactly(ada);
    JsonNode view = http.get("/api/v1/social/athletes/" + ada, reader(ben)).json();
    assertThat(view.get("relation").asString()).isEqualTo("FOLLOWING");
    assertThat(view.get("followers").asLong()).isEqualTo(1);
  }

  @Test
  void aPrivateAccountGetsARequestThatItsOwnerApprovesAndOnlyThenIsItAFollow() {
    UUID cleo = privateAthlete(jdbc, "Cleo");
    UUID dan = publicAthlete(jdbc, "Dan");

    try (TopicReader graph = new TopicReader(SocialTopics.GRAPH.name())) {
      Reply asked = http.put("/api/v1/social/following/" + cleo, writer(dan), null);
      assertThat(asked.json().get("status").asString()).isEqualTo("REQUESTED");
      assertThat(ids(http.get("/api/v1/social/follow-requests", reader(cleo))))
          .containsExactly(dan);
      assertThat(ids(http.get("/api/v1/social/follow-requests/sent", reader(dan))))
          .containsExactly(cleo);
      assertThat(http.get("/api/v1/social/athletes/" + cleo + "/followers", reader(dan)).status())
          .as("a private account's followers, to someone it has not approved")
          .isEqualTo(404);

      Reply approved =
          http.put("/api/v1/social/follow-requests/" + dan + "/approval", writer(cleo), null);

      assertThat(approved.status()).as(approved.body()).isEqualTo(204);
      assertThat(typesAbout(graph, cleo, 2)).containsExactly("FollowRequested", "Followed");
    }
    assertThat(ids(http.get("/api/v1/social/athletes/" + cleo + "/followers", reader(dan))))
        .containsExactly(dan);
    assertThat(ids(http.get("/api/v1/social/follow-requests", reader(cleo)))).isEmpty();
  }

  @Test
  void aDeclinedOrTakenBackRequestLeavesNoFollowAndSaysWhy() {
    UUID eve = privateAthlete(jdbc, "Eve");
    UUID finn = publicAthlete(jdbc, "Finn");
    UUID gus = publicAthlete(jdbc, "Gus");
    http.put("/api/v1/social/following/" + eve, writer(finn), null);
    http.put("/api/v1/social/following/" + eve, writer(gus), null);

    try (TopicReader graph = new TopicReader(SocialTopics.GRAPH.name())) {
      assertThat(http.delete("/api/v1/social/follow-requests/" + finn, writer(eve)).status())
          .isEqualTo(204);
      assertThat(http.delete("/api/v1/social/following/" + eve, writer(gus)).status())
          .isEqualTo(204);

      List<String> reasons = new ArrayList<>();
      for (ConsumerRecord<String, String> record : about(graph, eve, 4)) {
        JsonNode envelope = HttpJson.parse(record.value());
        if (envelope.get("type").asString().equals("Unfollowed")) {
          reasons.add(envelope.get("payload").get("reason").asString());
        }
      }
      assertThat(reasons).containsExactlyInAnyOrder("REQUEST_DECLINED", "REQUEST_CANCELLED");
    }
    assertThat(ids(http.get("/api/v1/social/follow-requests", reader(eve)))).isEmpty();
    assertThat(
            http.put("/api/v1/social/follow-requests/" + finn + "/approval", writer(eve), null)
                .status())
        .as("nothing left to approve")
        .isEqualTo(404);
  }

  @Test
  void removingAFollowerEndsTheirFollow() {
    UUID hana = publicAthlete(jdbc, "Hana");
    UUID ivo = publicAthlete(jdbc, "Ivo");
    http.put("/api/v1/social/following/" + hana, writer(ivo), null);

    assertThat(http.delete("/api/v1/social/followers/" + ivo, writer(hana)).status())
        .isEqualTo(204);

    assertThat(ids(http.get("/api/v1/social/athletes/" + hana + "/followers", reader(hana))))
        .isEmpty();
  }

  @Test
  void anAccountTurnedPublicLetsInEveryoneWhoAsked() {
    UUID jo = privateAthlete(jdbc, "Jo");
    UUID kai = publicAthlete(jdbc, "Kai");
    http.put("/api/v1/social/following/" + jo, writer(kai), null);

    profile(jdbc, jo, "Jo", "PUBLIC", 2);

    assertThat(ids(http.get("/api/v1/social/athletes/" + jo + "/followers", reader(kai))))
        .containsExactly(kai);
  }

  @Test
  void followingYourselfIsRefusedNamingTheIdAndAnUnknownAthleteIsNotFound() {
    UUID lea = publicAthlete(jdbc, "Lea");

    Reply self = http.put("/api/v1/social/following/" + lea, writer(lea), null);
    Reply unknown = http.put("/api/v1/social/following/" + UUID.randomUUID(), writer(lea), null);

    assertThat(self.status()).isEqualTo(422);
    assertThat(self.body()).contains("athleteId");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void changingTheGraphNeedsTheWriteScope() {
    UUID max = publicAthlete(jdbc, "Max");
    UUID nia = publicAthlete(jdbc, "Nia");

    assertThat(http.put("/api/v1/social/following/" + max, reader(nia), null).status())
        .isEqualTo(403);
  }

  static List<UUID> ids(Reply page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<UUID> ids = new ArrayList<>();
    page.json()
        .get("items")
        .forEach(item -> ids.add(UUID.fromString(item.get("athleteId").asString())));
    return ids;
  }

  private static List<ConsumerRecord<String, String>> about(
      TopicReader graph, UUID user, int count) {
    return graph.await(
        record -> user.toString().equals(record.key()), count, Duration.ofSeconds(30));
  }

  private static List<String> typesAbout(TopicReader graph, UUID user, int count) {
    return about(graph, user, count).stream()
        .map(record -> HttpJson.parse(record.value()).get("type").asString())
        .toList();
  }
}
