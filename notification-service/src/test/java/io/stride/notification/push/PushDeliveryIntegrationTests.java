package io.stride.notification.push;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.social.CommentAdded;
import io.stride.notification.push.TestDevices.Browser;
import io.stride.notification.push.TestDevices.Phone;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Pushes through the Web Push and FCM stubs, which check the real request formats: once per
 * notification and device, a replay pushes nothing twice, a gone subscription is removed, a push
 * service that is down is retried, one that stays down gives up without holding up the others.
 */
@StrideIntegrationTest
class PushDeliveryIntegrationTests {

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  private final WebPushStub webPush = TestPushServices.webPush();
  private final FcmStub fcm = TestPushServices.fcm();

  @AfterEach
  void theStubsTookEveryRequestTheyWereSent() {
    assertThat(webPush.problems()).as("Web Push stub").isEmpty();
    assertThat(fcm.problems()).as("FCM stub").isEmpty();
  }

  @Test
  void aCommentIsPushedOnceToEachOfTwoDevicesInWordsForTheirPushService() {
    UUID owner = person(jdbc, "Pushed Owner");
    UUID author = person(jdbc, "Ada Commenter");
    Browser browser = TestDevices.browser(http, owner, "Firefox on the laptop");
    Phone phone = TestDevices.phone(http, owner, "Pixel 8");
    UUID workout = UUID.randomUUID();

    comment(workout, owner, author, "Nice pace <3");

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(owner) == 2);
    UUID notification =
        jdbc.queryForObject(
            "select notification_id from notification.notification where user_id = ?",
            UUID.class,
            owner);
    assertThat(webPush.received(browser.endpoint())).hasSize(1);
    WebPushStub.Received pushed = webPush.received(browser.endpoint()).get(0);
    assertThat(pushed.message().get("title").asString())
        .isEqualTo("Ada Commenter commented on your workout");
    assertThat(pushed.message().get("body").asString()).isEqualTo("\u201cNice pace <3\u201d");
    assertThat(pushed.message().get("link").asString())
        .isEqualTo("http://localhost:8080/workouts/" + workout);
    assertThat(pushed.message().get("notificationId").asString())
        .isEqualTo(notification.toString());
    assertThat(pushed.message().get("type").asString()).isEqualTo("comment");
    assertThat(pushed.headers())
        .containsEntry("TTL", "86400")
        .containsEntry("Urgency", "normal")
        .containsKey("Topic");

    assertThat(fcm.received(phone.token())).hasSize(1);
    JsonNode message = fcm.received(phone.token()).get(0).message();
    assertThat(message.path("notification").path("title").asString(""))
        .isEqualTo("Ada Commenter commented on your workout");
    assertThat(message.path("data").path("notificationId").asString(""))
        .isEqualTo(notification.toString());
    assertThat(message.path("data").path("link").asString(""))
        .isEqualTo("http://localhost:8080/workouts/" + workout);
    assertThat(message.path("android").path("collapseKey").asString(""))
        .isEqualTo(notification.toString());
    assertThat(message.path("apns").path("headers").path("apns-collapse-id").asString(""))
        .isEqualTo(notification.toString());
    assertThat(prometheus())
        .containsPattern(
            "stride_notification_deliveries_total\\{.*channel=\"push\".*outcome=\"sent\".*\\}"
                + " [1-9]");
  }

  @Test
  void aReplayedEventPushesNothingTwice() {
    UUID owner = person(jdbc, "Replayed Owner");
    UUID author = person(jdbc, "Twice Sent");
    Browser browser = TestDevices.browser(http, owner, "Chrome");
    Phone phone = TestDevices.phone(http, owner, "iPhone");
    UUID workout = UUID.randomUUID();
    EventEnvelope<StrideEvent> first =
        TopicWriter.envelope(
            new CommentAdded(
                UUID.randomUUID(), workout, owner, author, "Once", List.of(), Instant.now()));

    TopicWriter.send(first);
    TopicWriter.send(first);
    // a later event on the same partition: once it is pushed, the replay was handled too
    comment(workout, owner, author, "Twice");

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(owner) == 4);
    assertThat(webPush.received(browser.endpoint()))
        .extracting(received -> received.message().get("body").asString())
        .containsExactlyInAnyOrder("\u201cOnce\u201d", "\u201cTwice\u201d");
    assertThat(fcm.received(phone.token())).hasSize(2);
    assertThat(
            count(
                "select count(*) from notification.delivery where user_id = ? and channel = 'push'",
                owner))
        .as("one delivery per notification and device")
        .isEqualTo(4);
  }

  @Test
  void aSubscriptionThePushServiceReportsGoneIsRemoved() {
    UUID owner = person(jdbc, "Owner Of Old Devices");
    Browser browser = TestDevices.browser(http, owner, "Old browser");
    Phone phone = TestDevices.phone(http, owner, "Old phone");
    webPush.answer(browser.endpoint(), 410);
    fcm.answer(phone.token(), FcmStub.UNREGISTERED);

    comment(UUID.randomUUID(), owner, person(jdbc, "Nobody Hears"), "Hello?");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from notification.delivery where user_id = ? and"
                            + " channel = 'push' and status = 'SKIPPED' and last_error like"
                            + " 'subscription gone%'",
                        owner)
                    == 2);
    assertThat(
            count("select count(*) from notification.push_subscription where user_id = ?", owner))
        .isZero();
    assertThat(http.get("/api/v1/notifications/push-subscriptions", reader(owner)).json())
        .isEmpty();
    assertThat(webPush.received(browser.endpoint())).isEmpty();
    assertThat(prometheus())
        .containsPattern(
            "stride_notification_deliveries_total\\{.*channel=\"push\".*outcome=\"gone\".*\\}"
                + " [1-9]");
  }

  @Test
  void aPushServiceThatIsDownIsRetriedAndOneThatStaysDownGivesUpWithoutHoldingUpTheOthers() {
    UUID owner = person(jdbc, "Patient Owner");
    Browser flaky = TestDevices.browser(http, owner, "Flaky");
    Browser down = TestDevices.browser(http, owner, "Down for good");
    Phone phone = TestDevices.phone(http, owner, "Fine phone");
    webPush.answer(flaky.endpoint(), 503);
    webPush.answer(down.endpoint(), 503, 503, 503);

    comment(UUID.randomUUID(), owner, person(jdbc, "Persistent"), "Try again");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> status(flaky).equals("SENT") && status(down).equals("GAVE_UP"));
    assertThat(webPush.received(flaky.endpoint())).hasSize(1);
    assertThat(attempts(flaky)).isEqualTo(2);
    assertThat(webPush.received(down.endpoint())).isEmpty();
    assertThat(attempts(down)).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "select last_error from notification.delivery where subscription_id = ?",
                String.class,
                down.subscriptionId()))
        .isEqualTo("the Web Push service answered 503");
    assertThat(fcm.received(phone.token())).as("the phone got it at once").hasSize(1);
    assertThat(prometheus())
        .containsPattern(
            "stride_notification_deliveries_total\\{.*channel=\"push\".*outcome=\"gave_up\".*\\}"
                + " [1-9]");
  }

  private void comment(UUID workout, UUID owner, UUID author, String text) {
    TopicWriter.send(
        new CommentAdded(
            UUID.randomUUID(), workout, owner, author, text, List.of(), Instant.now()));
  }

  private int sent(UUID owner) {
    return count(
        "select count(*) from notification.delivery where user_id = ? and channel = 'push' and"
            + " status = 'SENT'",
        owner);
  }

  private String status(Browser browser) {
    return jdbc
        .queryForList(
            "select status from notification.delivery where subscription_id = ?",
            String.class,
            browser.subscriptionId())
        .stream()
        .findFirst()
        .orElse("");
  }

  private int attempts(Browser browser) {
    return jdbc.queryForObject(
        "select attempts from notification.delivery where subscription_id = ?",
        Integer.class,
        browser.subscriptionId());
  }

  private int count(String sql, UUID user) {
    return jdbc.queryForObject(sql, Integer.class, user);
  }

  private String prometheus() {
    return http.get("/actuator/prometheus", null).body();
  }
}
