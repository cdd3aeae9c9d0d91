package io.stride.notification.sources;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.gamification.LevelReached;
import io.stride.contracts.gamification.StreakExtended;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** gamification-service's badges, levels and streaks in the inbox. */
@StrideIntegrationTest
class ProgressNotificationsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aBadgeALevelAndAStreakWorthAWordReachTheInboxAndOrdinaryStreakDaysDoNot() {
    UUID me = person(jdbc, "Progress Maker");
    LocalDate today = LocalDate.now();
    TopicWriter.send(
        new BadgeAwarded(me, "early_bird", 0, "Early bird", UUID.randomUUID(), Instant.now()));
    TopicWriter.send(new LevelReached(me, 3, 312, 600L));
    TopicWriter.send(new StreakExtended(me, "daily", 6, today.minusDays(1), 0));
    TopicWriter.send(new StreakExtended(me, "daily", 7, today, 1));
    TopicWriter.send(new StreakExtended(me, "weekly", 4, today, 0));

    await().atMost(Duration.ofSeconds(30)).until(() -> items(me).size() >= 4);

    assertThat(items(me))
        .extracting(item -> item.get("title").asString())
        .containsExactlyInAnyOrder(
            "You earned a badge: Early bird",
            "You reached level 3",
            "7 days in a row!",
            "4 weeks in a row!");
    assertThat(items(me))
        .filteredOn(item -> item.get("type").asString().equals("level"))
        .singleElement()
        .satisfies(item -> assertThat(item.get("body").asString()).startsWith("312 points"));
  }

  private List<JsonNode> items(UUID user) {
    List<JsonNode> items = new ArrayList<>();
    http.get("/api/v1/notifications?limit=100", reader(user))
        .json()
        .get("items")
        .forEach(items::add);
    return items;
  }
}
