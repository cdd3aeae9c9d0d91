package io.stride.gamification.grants;

import static io.stride.gamification.TestHistory.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.gamification.GamificationTopics;
import io.stride.contracts.promo.PromoTopics;
import io.stride.contracts.promo.RewardGranted;
import io.stride.gamification.TestHistory;
import io.stride.platform.events.DeadLetters;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Badges promotions grant: held, listed as tier 0 with the earned ones, told once. */
@StrideIntegrationTest
class GrantedBadgesIntegrationTests {

  private static final String PARKED =
      DeadLetters.topicFor(PromoTopics.REWARDS.name(), "gamification-service");

  @Autowired JdbcTemplate jdbc;
  @Autowired HttpJson http;
  TestHistory history;

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  /** Yesterday at noon UTC: a workout then earns no time-of-day badge (early bird, night owl). */
  private final Instant noonYesterday =
      now.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);

  @BeforeEach
  void history() {
    history = new TestHistory(jdbc);
  }

  @Test
  void aGrantedBadgeIsHeldListedAsTierZeroNextToEarnedOnesAndAnnouncedOnce() {
    UUID athlete = history.athlete("UTC", null);
    UUID campaign = UUID.randomUUID();
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      RewardGranted grant = badge(athlete, campaign, "winter_base_2026", "Winter base miles");
      EventEnvelope<StrideEvent> first = history.send(grant);
      // delivered again; the same grant published again; the same badge from another campaign
      TopicWriter.send(first);
      history.send(grant);
      history.send(badge(athlete, UUID.randomUUID(), "winter_base_2026", "Another title"));
      // a reward that is not a badge is not this service's
      history.send(premium(athlete));

      JsonNode badges = http.get("/api/v1/gamification/me/badges", reader(athlete)).json();
      assertThat(badges.get("badges"))
          .singleElement()
          .satisfies(
              held -> {
                assertThat(held.get("badge").asString()).isEqualTo("winter_base_2026");
                assertThat(held.get("tier").asInt()).isZero();
                assertThat(held.get("title").asString()).isEqualTo("Winter base miles");
                assertThat(held.get("workoutId").isNull()).isTrue();
                assertThat(Instant.parse(held.get("earnedAt").asString()))
                    .isEqualTo(grant.grantedAt());
              });
      assertThat(
              jdbc.queryForObject(
                  "select campaign_id from gamification.granted_badge where user_id = ?",
                  UUID.class,
                  athlete))
          .isEqualTo(campaign);
      var told =
          progress.await(
              r -> r.key().equals(athlete.toString()) && r.value().contains("winter_base_2026"),
              2,
              Duration.ofSeconds(10));
      assertThat(told).as("told once however often it is granted").hasSize(1);
      JsonNode awarded = HttpJson.parse(told.get(0).value());
      assertThat(awarded.get("type").asString()).isEqualTo("BadgeAwarded");
      assertThat(awarded.get("payload").get("tier").asInt()).isZero();
      assertThat(awarded.get("payload").get("title").asString()).isEqualTo("Winter base miles");

      // a fold of the history (a workout) earns its own badges and leaves the granted one
      history.record(TestHistory.run(athlete, noonYesterday, 10, 50));
      assertThat(
              http.get("/api/v1/gamification/me/badges", reader(athlete))
                  .json()
                  .get("badges")
                  .findValuesAsString("badge"))
          .contains("first_workout", "winter_base_2026");
      JsonNode me = http.get("/api/v1/gamification/me", reader(athlete)).json();
      assertThat(me.get("badges").asInt())
          .isEqualTo(
              http.get("/api/v1/gamification/me/badges", reader(athlete))
                  .json()
                  .get("badges")
                  .size());
    }
  }

  @Test
  void aGrantedBadgeTheHistoryEarnsTooIsListedOnceAndNotToldAgain() {
    UUID athlete = history.athlete("UTC", null);
    try (TopicReader progress = new TopicReader(GamificationTopics.PROGRESS.name())) {
      history.record(TestHistory.run(athlete, noonYesterday, 10, 50));
      history.send(badge(athlete, UUID.randomUUID(), "first_workout", "First workout, sponsored"));

      JsonNode badges = http.get("/api/v1/gamification/me/badges", reader(athlete)).json();
      assertThat(badges.get("badges").findValuesAsString("badge")).containsExactly("first_workout");
      assertThat(badges.get("badges").get(0).get("workoutId").isNull()).isFalse();
      assertThat(
              progress.await(
                  r -> r.key().equals(athlete.toString()) && r.value().contains("first_workout"),
                  2,
                  Duration.ofSeconds(5)))
          .hasSize(1);
    }
  }

  @Test
  void aBadgeNameOrTitleOutsideTheContractIsParkedAtOnceAndTheNextGrantApplies() {
    UUID athlete = history.athlete("UTC", null);
    try (TopicReader parked = new TopicReader(PARKED)) {
      TopicWriter.send(badge(athlete, UUID.randomUUID(), "Winter Base!", "Winter base"));
      TopicWriter.send(badge(athlete, UUID.randomUUID(), "x".repeat(65), "Too long a name"));
      TopicWriter.send(badge(athlete, UUID.randomUUID(), "no_title", " "));
      // behind them on the athlete's partition: applied once the consumer went past them
      history.send(badge(athlete, UUID.randomUUID(), "good_name", "Good"));

      // parked without the retries (8, backing off to 10 s: more than 30 s in all)
      assertThat(parked.await(r -> r.key().equals(athlete.toString()), 3, Duration.ofSeconds(15)))
          .hasSize(3);
    }
    assertThat(
            http.get("/api/v1/gamification/me/badges", reader(athlete))
                .json()
                .get("badges")
                .findValuesAsString("badge"))
        .containsExactly("good_name");
  }

  static RewardGranted badge(UUID user, UUID campaign, String badge, String title) {
    return new RewardGranted(
        user,
        UUID.randomUUID(),
        campaign,
        "Spring Boost",
        "badge",
        "code",
        null,
        null,
        null,
        badge,
        title,
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  private static RewardGranted premium(UUID user) {
    return new RewardGranted(
        user,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Spring Boost",
        "premium-days",
        "code",
        30,
        Instant.now().plus(30, ChronoUnit.DAYS),
        null,
        null,
        null,
        Instant.now());
  }
}
