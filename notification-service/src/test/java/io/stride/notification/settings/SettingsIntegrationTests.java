package io.stride.notification.settings;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.notification.TestSettings;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Per type and channel on or off, quiet hours and the push cap; each refusal names its field. */
@StrideIntegrationTest
class SettingsIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyTypeStartsWithItsDefaultsAndTheNamedChannelsChangeAlone() {
    UUID me = person(jdbc, "Settings Owner");
    JsonNode defaults = http.get("/api/v1/notifications/settings", reader(me)).json();
    assertThat(defaults.get("quietHours").isNull()).isTrue();
    assertThat(defaults.get("pushPerHour").asInt()).isEqualTo(10);
    assertThat(defaults.get("emailDigest").asString()).as("emails one by one").isEqualTo("off");
    assertThat(TestSettings.channel(defaults, "kudos", "email")).isFalse();
    assertThat(TestSettings.channel(defaults, "kudos", "push")).isTrue();
    assertThat(TestSettings.channel(defaults, "comment", "email")).isTrue();
    assertThat(TestSettings.type(defaults, "device-linked").get("switchable").asBoolean())
        .isFalse();

    Reply changed =
        http.put(
            "/api/v1/notifications/settings",
            writer(me),
            Map.of(
                "quietHours", Map.of("start", "22:30", "end", "06:45"),
                "pushPerHour", 3,
                "channels", Map.of("kudos", Map.of("email", true, "push", false))));

    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    JsonNode now = http.get("/api/v1/notifications/settings", reader(me)).json();
    assertThat(now.get("quietHours").get("start").asString()).isEqualTo("22:30:00");
    assertThat(now.get("pushPerHour").asInt()).isEqualTo(3);
    assertThat(now.get("emailDigest").asString()).as("left out, left alone").isEqualTo("off");
    assertThat(TestSettings.channel(now, "kudos", "email")).isTrue();
    assertThat(TestSettings.channel(now, "kudos", "push")).isFalse();
    assertThat(TestSettings.channel(now, "kudos", "in_app")).as("not named, not changed").isTrue();
    assertThat(TestSettings.channel(now, "comment", "email")).isTrue();
  }

  @Test
  void unknownTypesAndChannelsASilencedSecurityNoticeAndBadQuietHoursAreRefusedByName() {
    UUID me = person(jdbc, "Careless Settings");
    Reply refused =
        http.put(
            "/api/v1/notifications/settings",
            writer(me),
            Map.of(
                "quietHours",
                Map.of("start", "22:00", "end", "22:00"),
                "pushPerHour",
                10,
                "emailDigest",
                "hourly",
                "channels",
                Map.of(
                    "gossip", Map.of("email", true),
                    "kudos", Map.of("sms", true),
                    "device-linked", Map.of("email", false))));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("quietHours")
        .contains("emailDigest")
        .contains("channels.gossip")
        .contains("channels.kudos.sms")
        .contains("channels.device-linked.email");
    assertThat(
            http.put("/api/v1/notifications/settings", writer(me), Map.of("pushPerHour", 0))
                .status())
        .isIn(400, 422);
    assertThat(
            http.put("/api/v1/notifications/settings", reader(me), Map.of("pushPerHour", 5))
                .status())
        .as("changing needs notifications:write")
        .isEqualTo(403);
  }

  @Test
  void aTypeSwitchedOffInTheInboxIsNotListedButStillEmailed() {
    UUID me = person(jdbc, "No Inbox Kudos");
    http.put(
        "/api/v1/notifications/settings",
        writer(me),
        Map.of("pushPerHour", 10, "channels", Map.of("kudos", Map.of("in_app", false))));
    io.stride.platform.test.TopicWriter.send(
        new io.stride.contracts.social.KudosGiven(
            UUID.randomUUID(), me, person(jdbc, "Unseen Fan"), java.time.Instant.now()));
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from notification.notification where user_id = ? and not"
                            + " in_app",
                        Integer.class,
                        me)
                    == 1);
    assertThat(http.get("/api/v1/notifications", reader(me)).json().get("items")).isEmpty();
    assertThat(
            http.get("/api/v1/notifications/unread-count", reader(me))
                .json()
                .get("unread")
                .asLong())
        .isZero();
  }
}
