package io.stride.notification.push;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.social.CommentAdded;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.KudosGiven;
import io.stride.notification.push.TestDevices.Browser;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The person's rules for push: the hourly cap, quiet hours, push switched off for a type. */
@StrideIntegrationTest
class PushRulesIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private final WebPushStub webPush = TestPushServices.webPush();

  @Test
  void pushesBeyondTheHourlyCapAreNotSentButSecurityNoticesAre() {
    UUID owner = person(jdbc, "Popular Owner");
    settings(owner, Map.of("pushPerHour", 2));
    Browser browser = TestDevices.browser(http, owner, "Busy browser");
    UUID fan = person(jdbc, "Chatty Fan");

    for (int i = 1; i <= 3; i++) {
      comment(owner, fan, "Comment " + i);
      int sentOrCapped = i;
      await().atMost(Duration.ofSeconds(30)).until(() -> finished(owner) == sentOrCapped);
    }
    TopicWriter.send(new DeviceLinked(owner, "stride-cli", "Stride CLI", Instant.now()));

    await().atMost(Duration.ofSeconds(30)).until(() -> finished(owner) == 4);
    assertThat(webPush.received(browser.endpoint()))
        .extracting(received -> received.message().get("type").asString())
        .containsExactly("comment", "comment", "device-linked");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where user_id = ? and channel ="
                    + " 'push' and status = 'SKIPPED' and last_error = 'over the hourly cap'",
                Integer.class,
                owner))
        .isEqualTo(1);
    WebPushStub.Received notice = webPush.received(browser.endpoint()).get(2);
    assertThat(notice.headers()).containsEntry("Urgency", "high");
    assertThat(http.get("/actuator/prometheus", null).body())
        .containsPattern(
            "stride_notification_deliveries_total\\{.*channel=\"push\".*outcome=\"capped\".*\\}"
                + " [1-9]");
  }

  @Test
  void quietHoursHoldPushBackButNotSecurityNotices() {
    UUID owner = person(jdbc, "Sleeping Owner");
    LocalTime time = LocalTime.now(ZoneOffset.UTC);
    settings(
        owner,
        Map.of(
            "quietHours",
            Map.of(
                "start", time.minusHours(1).withSecond(0).withNano(0).toString(),
                "end", time.plusHours(2).withSecond(0).withNano(0).toString()),
            "pushPerHour",
            10));
    Browser browser = TestDevices.browser(http, owner, "Bedside tablet");
    Instant now = Instant.now();

    comment(owner, person(jdbc, "Night Owl"), "Are you up?");
    TopicWriter.send(new DeviceLinked(owner, "stride-tracker", "Stride Tracker", now));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> webPush.received(browser.endpoint()).size() == 1);
    assertThat(webPush.received(browser.endpoint()).get(0).message().get("title").asString())
        .isEqualTo("New device linked to your account: Stride Tracker");
    Instant held =
        jdbc.queryForObject(
            "select not_before from notification.delivery where user_id = ? and channel = 'push'"
                + " and kind = 'comment' and status = 'PENDING'",
            (rs, row) -> rs.getTimestamp(1).toInstant(),
            owner);
    assertThat(held)
        .as("the comment waits for the quiet hours to end")
        .isAfter(now.plus(Duration.ofMinutes(90)));
  }

  @Test
  void aTypeWithPushSwitchedOffIsNotPushed() {
    UUID owner = person(jdbc, "No Kudos Pushes");
    settings(owner, Map.of("pushPerHour", 10, "channels", Map.of("kudos", Map.of("push", false))));
    Browser browser = TestDevices.browser(http, owner, "Quiet browser");
    UUID fan = person(jdbc, "Kudos Fan");

    TopicWriter.send(new KudosGiven(UUID.randomUUID(), owner, fan, Instant.now()));
    TopicWriter.send(new Followed(fan, owner, false, Instant.now(), 1));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> webPush.received(browser.endpoint()).size() == 1);
    assertThat(webPush.received(browser.endpoint()).get(0).message().get("type").asString())
        .isEqualTo("follow");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.notification where user_id = ?",
                Integer.class,
                owner))
        .as("the kudos is in the inbox")
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification.delivery where user_id = ? and kind = 'kudos'",
                Integer.class,
                owner))
        .isZero();
  }

  private void settings(UUID owner, Map<String, Object> settings) {
    Reply reply = http.put("/api/v1/notifications/settings", writer(owner), settings);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  private void comment(UUID owner, UUID author, String text) {
    TopicWriter.send(
        new CommentAdded(
            UUID.randomUUID(), UUID.randomUUID(), owner, author, text, List.of(), Instant.now()));
  }

  private int finished(UUID owner) {
    return jdbc.queryForObject(
        "select count(*) from notification.delivery where user_id = ? and channel = 'push' and"
            + " status <> 'PENDING'",
        Integer.class,
        owner);
  }
}
