package io.stride.notification.sources;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.profile;
import static io.stride.notification.TestPeople.reader;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.gamification.BadgeAwarded;
import io.stride.contracts.promo.RewardGranted;
import io.stride.notification.TestSettings;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TestEvents;
import io.stride.platform.test.TopicWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** promo-service's rewards in the inbox: one per grant, in the athlete's words and calendar. */
@StrideIntegrationTest
class RewardNotificationsIntegrationTests {

  private static final UUID CAMPAIGN = UUID.randomUUID();

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @Test
  void eachRewardIsToldOnceWithItsWordsAndPremiumEndsOnTheAthletesOwnDay() {
    UUID me = UUID.randomUUID();
    profile(
        jdbc, TestEvents.profileUpdated(me, "Reward Winner", "PUBLIC", "Europe/Berlin", null, 1));
    // 23:30 UTC is already the next day in Berlin
    RewardGranted premium =
        premium(me, UUID.randomUUID(), 30, Instant.parse("2027-01-15T23:30:00Z"));
    RewardGranted oneDay = premium(me, UUID.randomUUID(), 1, Instant.parse("2027-01-17T12:00:00Z"));
    RewardGranted coupon = coupon(me, UUID.randomUUID(), "Acme Running");
    RewardGranted badge = badge(me, UUID.randomUUID(), CAMPAIGN, "winter_base_2026");
    EventEnvelope<StrideEvent> first = applied(premium);
    applied(oneDay);
    applied(coupon);
    applied(badge);
    // the same event delivered again, and the same grant in a new envelope (a second publish)
    TopicWriter.send(first);
    applied(premium);
    applied(coupon);

    List<JsonNode> items = items(me, "en");
    assertThat(items)
        .hasSize(4)
        .allSatisfy(
            item -> {
              assertThat(item.get("type").asString()).isEqualTo("reward");
              assertThat(item.get("link").asString()).isEqualTo("/rewards");
            });
    assertThat(bySubject(items, premium.grantId()).get("title").asString())
        .isEqualTo("30 premium days from Spring Boost \u2014 premium until January 16, 2027");
    assertThat(bySubject(items, premium.grantId()).get("body").asString())
        .isEqualTo("Every premium feature is yours until then.");
    assertThat(bySubject(items, oneDay.grantId()).get("title").asString())
        .isEqualTo("1 premium day from Spring Boost \u2014 premium until January 17, 2027");
    assertThat(bySubject(items, coupon.grantId()).get("title").asString())
        .isEqualTo("Your Acme Running coupon from Spring Boost is in Rewards");
    assertThat(bySubject(items, badge.grantId()).get("title").asString())
        .isEqualTo("Badge Winter base miles 2026 from Spring Boost");

    List<JsonNode> german = items(me, "de");
    assertThat(bySubject(german, premium.grantId()).get("title").asString())
        .isEqualTo(
            "30 Premium-Tage aus der Aktion Spring Boost \u2013 Premium bis 16. Januar 2027");
    assertThat(bySubject(german, coupon.grantId()).get("title").asString())
        .isEqualTo(
            "Dein Gutschein von Acme Running aus der Aktion Spring Boost liegt bei deinen"
                + " Belohnungen");
    assertThat(bySubject(german, badge.grantId()).get("title").asString())
        .isEqualTo("Abzeichen Winter base miles 2026 aus der Aktion Spring Boost");
  }

  @Test
  void aGrantedBadgeIsOneNotificationWithGamificationsBadgeAwardedAndASecondCampaignsSame() {
    UUID me = person(jdbc, "Badge Collector");
    RewardGranted granted = badge(me, UUID.randomUUID(), CAMPAIGN, "spring_boost_2027");
    applied(granted);
    // gamification-service awards it and tells it as every badge; another campaign grants it again
    TopicWriter.sendApplied(
        new BadgeAwarded(me, "spring_boost_2027", 0, "Winter base miles 2026", null, Instant.now()),
        dataSource,
        "notification");
    applied(badge(me, UUID.randomUUID(), UUID.randomUUID(), "spring_boost_2027"));

    assertThat(items(me, "en"))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.get("type").asString()).isEqualTo("reward");
              assertThat(item.get("subjectId").asString()).isEqualTo(granted.grantId().toString());
              assertThat(item.get("title").asString())
                  .isEqualTo("Badge Winter base miles 2026 from Spring Boost");
            });
  }

  @Test
  void rewardsMayBeSwitchedOffAndGoToTheInboxAndPushLikeBadges() {
    UUID me = person(jdbc, "Reward Settings");
    JsonNode settings = http.get("/api/v1/notifications/settings", reader(me)).json();

    assertThat(TestSettings.type(settings, "reward").get("switchable").asBoolean()).isTrue();
    assertThat(TestSettings.channels(settings, "reward"))
        .isEqualTo(Map.of("in_app", true, "push", true, "email", false));
  }

  private EventEnvelope<StrideEvent> applied(RewardGranted event) {
    return TopicWriter.sendApplied(event, dataSource, "notification");
  }

  private static RewardGranted premium(UUID user, UUID grant, int days, Instant until) {
    return new RewardGranted(
        user,
        grant,
        CAMPAIGN,
        "Spring Boost",
        "premium-days",
        "code",
        days,
        until,
        null,
        null,
        null,
        Instant.now());
  }

  private static RewardGranted coupon(UUID user, UUID grant, String partner) {
    return new RewardGranted(
        user,
        grant,
        CAMPAIGN,
        "Spring Boost",
        "partner-coupon",
        "first-workout",
        null,
        null,
        partner,
        null,
        null,
        Instant.now());
  }

  private static RewardGranted badge(UUID user, UUID grant, UUID campaign, String badge) {
    return new RewardGranted(
        user,
        grant,
        campaign,
        "Spring Boost",
        "badge",
        "sponsored-challenge",
        null,
        null,
        null,
        badge,
        "Winter base miles 2026",
        Instant.now());
  }

  private static JsonNode bySubject(List<JsonNode> items, UUID subject) {
    return items.stream()
        .filter(item -> item.get("subjectId").asString().equals(subject.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no notification about " + subject));
  }

  private List<JsonNode> items(UUID user, String language) {
    List<JsonNode> items = new ArrayList<>();
    http.send(
            http.request("/api/v1/notifications?limit=100", reader(user))
                .header("Accept-Language", language)
                .GET()
                .build())
        .json()
        .get("items")
        .forEach(items::add);
    return items;
  }
}
