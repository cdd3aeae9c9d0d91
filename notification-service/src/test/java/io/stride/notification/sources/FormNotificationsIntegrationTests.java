package io.stride.notification.sources;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.analytics.TrainingLoadUpdated;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** analytics-service's "good day for a hard session": opt-in, once a day, only when fresh. */
@StrideIntegrationTest
class FormNotificationsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFreshReadyDayIsToldOnceToAthletesWhoSwitchedItOnAndNeverToOthers() {
    UUID me = person(jdbc, "Fresh Runner");
    LocalDate monday = LocalDate.of(2026, 12, 7);
    // off by default: a fresh Monday is not told (applied before the athlete switches it on)
    TopicWriter.sendApplied(
        state(me, monday, 85, 8, List.of("form-fresh", "load-steady")),
        jdbc.getDataSource(),
        "notification");
    HttpJson.Reply on =
        http.put(
            "/api/v1/notifications/settings",
            writer(me),
            Map.of("pushPerHour", 10, "channels", Map.of("form-fresh", Map.of("in_app", true))));
    assertThat(on.status()).as(on.body()).isEqualTo(200);
    // switched on: a tired Tuesday and a ready day that is not fresh are not told either
    TopicWriter.send(state(me, monday.plusDays(1), 40, -25, List.of("form-fatigued")));
    TopicWriter.send(state(me, monday.plusDays(2), 80, 2, List.of("form-balanced", "load-steady")));
    // a fresh Thursday, published three times that day: once
    for (int i = 0; i < 3; i++) {
      TopicWriter.send(state(me, monday.plusDays(3), 90 + i, 9, List.of("form-fresh")));
    }
    TopicWriter.send(state(me, monday.plusDays(4), 88, 7, List.of("form-fresh")));

    await().atMost(Duration.ofSeconds(30)).until(() -> items(me).size() >= 2);

    List<JsonNode> items = items(me);
    assertThat(items).hasSize(2);
    assertThat(items)
        .allSatisfy(
            item -> {
              assertThat(item.get("type").asString()).isEqualTo("form-fresh");
              assertThat(item.get("title").asString()).isEqualTo("A good day for a hard session");
              assertThat(item.get("link").asString()).isEqualTo("/training");
            });
    assertThat(items.get(0).get("body").asString())
        .isEqualTo("Your readiness is 88 and your form +7: you are fresh. Tap to see why.");
  }

  private static TrainingLoadUpdated state(
      UUID athlete, LocalDate day, int readiness, double form, List<String> reasons) {
    return new TrainingLoadUpdated(
        athlete, day, 50, 50 - form, form, 1.1, readiness, reasons, Instant.now());
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
