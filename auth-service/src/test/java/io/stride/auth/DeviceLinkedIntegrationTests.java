package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code DeviceLinked} on the users topic, for notification-service's security notice: when the
 * owner connects a device at {@code /activate}, and when they approve an app for the first time.
 */
@StrideIntegrationTest
class DeviceLinkedIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String baseUrl;
  String userId;
  BrowserSession browser;
  OAuthFlows oauth;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    String email = AuthTestSupport.registered(new HttpJson(baseUrl));
    userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);
    browser = new BrowserSession(baseUrl);
    browser.signIn(email, AuthTestSupport.PASSWORD);
    oauth = new OAuthFlows(baseUrl);
  }

  @Test
  void connectingADeviceAtActivateAnnouncesItByItsRegisteredName() {
    try (TopicReader users = new TopicReader(AuthTopics.USERS.name())) {
      Instant before = Instant.now();
      String code = oauth.deviceAuthorization("readings:write").json().get("user_code").asString();
      assertThat(BrowserSession.location(oauth.approveDevice(browser, code, "readings:write")))
          .endsWith("/activate/done");

      List<ConsumerRecord<String, String>> linked = deviceLinked(users, 1);
      assertThat(linked).hasSize(1);
      JsonNode envelope = HttpJson.parse(linked.get(0).value());
      assertThat(envelope.get("subject").asString()).isEqualTo(userId);
      JsonNode payload = envelope.get("payload");
      assertThat(payload.get("userId").asString()).isEqualTo(userId);
      assertThat(payload.get("clientId").asString()).isEqualTo(OAuthFlows.DEVICE_CLIENT);
      assertThat(payload.get("clientName").asString()).isEqualTo("Fitness tracker");
      assertThat(payload.get("scopes").valueStream().map(JsonNode::asString))
          .as("what the owner granted (version 2)")
          .containsExactly("readings:write");
      assertThat(Instant.parse(payload.get("linkedAt").asString()))
          .isBetween(before.minusSeconds(1), Instant.now());
    }
  }

  @Test
  void aDeviceCancelledOnTheConfirmationIsNotAnnouncedAndStaysRefused() {
    try (TopicReader users = new TopicReader(AuthTopics.USERS.name())) {
      HttpJson.Reply refused = oauth.deviceAuthorization("readings:write");
      HttpResponse<String> cancelled =
          browser.submit(confirmation(refused.json().get("user_code").asString()), "Cancel");
      assertThat(BrowserSession.location(cancelled)).endsWith("/activate/declined");
      HttpJson.Reply poll = oauth.pollDeviceToken(refused.json().get("device_code").asString());
      assertThat(poll.json().get("error").asString()).isEqualTo("access_denied");

      // the events of an account arrive in order: any the cancellation caused comes first
      Instant cancelledBy = Instant.now();
      String later = oauth.deviceAuthorization("readings:write").json().get("user_code").asString();
      browser.submit(confirmation(later), "Connect");
      assertThat(
              users.await(
                  AuthTestSupport.eventOf("DeviceLinked", userId)
                      .and(record -> linkedAt(record).isAfter(cancelledBy)),
                  Duration.ofSeconds(20)))
          .as("the later device")
          .hasSize(1);
      assertThat(deviceLinked(users, 0)).as("every DeviceLinked of the account").hasSize(1);
    }
  }

  @Test
  void approvingAnAppForTheFirstTimeAnnouncesItOnce() {
    try (TopicReader users = new TopicReader(AuthTopics.USERS.name())) {
      HttpResponse<String> consent =
          browser.follow(browser.get(AuthTestSupport.consentingAppAuthorization()));
      assertThat(consent.body()).contains("Allow Consenting test app");
      assertThat(OAuthFlows.query(BrowserSession.location(browser.submit(consent, "Allow"))))
          .containsKey("code");
      HttpResponse<String> again = browser.get(AuthTestSupport.consentingAppAuthorization());
      assertThat(OAuthFlows.query(BrowserSession.location(again)))
          .as("approved before: no page, a code")
          .containsKey("code");

      // a device connected afterwards bounds what the app's approvals published
      String code = oauth.deviceAuthorization("readings:write").json().get("user_code").asString();
      oauth.approveDevice(browser, code, "readings:write");
      List<JsonNode> linked =
          deviceLinked(users, 2).stream()
              .map(record -> HttpJson.parse(record.value()).get("payload"))
              .toList();
      assertThat(linked).hasSize(2);
      assertThat(linked.get(0).get("clientId").asString()).isEqualTo("consenting-app");
      assertThat(linked.get(0).get("clientName").asString()).isEqualTo("Consenting test app");
      assertThat(linked.get(0).get("scopes").valueStream().map(JsonNode::asString))
          .containsExactly("openid", "profile");
      assertThat(linked.get(1).get("clientId").asString()).isEqualTo(OAuthFlows.DEVICE_CLIENT);
    }
  }

  private static Instant linkedAt(ConsumerRecord<String, String> record) {
    return Instant.parse(HttpJson.parse(record.value()).get("payload").get("linkedAt").asString());
  }

  /** The DeviceLinked events of the test's account, once {@code count} arrived (or 20 s). */
  private List<ConsumerRecord<String, String>> deviceLinked(TopicReader users, int count) {
    return users.await(
        AuthTestSupport.eventOf("DeviceLinked", userId), count, Duration.ofSeconds(20));
  }

  private HttpResponse<String> confirmation(String userCode) {
    HttpResponse<String> form = browser.follow(browser.get("/activate"));
    return browser.follow(
        browser.postForm(
            "/activate",
            Map.of("user_code", userCode, "_csrf", BrowserSession.csrfToken(form.body()))));
  }
}
