package io.stride.notification.push;

import static io.stride.notification.TestPeople.person;
import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.notification.push.TestDevices.Browser;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The devices and browsers a person is pushed to: once each, theirs only, checked field by field.
 */
@StrideIntegrationTest
class PushSubscriptionIntegrationTests {

  private static final String PATH = "/api/v1/notifications/push-subscriptions";

  @Autowired HttpJson http;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theWebPushKeyIsTheVapidPublicKeyAsAnUncompressedPoint() {
    UUID me = person(jdbc, "Key Reader");
    Reply reply = http.get("/api/v1/notifications/push/web-push-key", reader(me));
    assertThat(reply.status()).isEqualTo(200);
    byte[] key = Base64.getUrlDecoder().decode(reply.json().get("publicKey").asString());
    assertThat(P256.isPoint(key)).isTrue();
    assertThat(reply.json().get("publicKey").asString()).doesNotContain("=");
  }

  @Test
  void theSameEndpointAgainIsTheSameSubscriptionAndAnotherPersonRegisteringItTakesIt() {
    UUID me = person(jdbc, "First Owner");
    UUID next = person(jdbc, "Next Owner");
    Browser browser = TestDevices.browser(http, me, "Laptop");
    Map<String, Object> again = webPush(browser.endpoint(), browser.keys());
    again.put("label", "Work laptop");

    Reply same = http.post(PATH, writer(me), again);
    assertThat(same.status()).as(same.toString()).isEqualTo(200);
    assertThat(same.json().get("id").asString()).isEqualTo(browser.subscriptionId().toString());
    JsonNode mine = http.get(PATH, reader(me)).json();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).get("label").asString()).isEqualTo("Work laptop");
    assertThat(mine.get(0).get("kind").asString()).isEqualTo("webpush");
    assertThat(mine.get(0).get("service").asString()).isEqualTo("127.0.0.1");
    assertThat(mine.get(0).has("endpoint") || mine.get(0).has("keys") || mine.get(0).has("token"))
        .as("never the endpoint, keys or token")
        .isFalse();

    Reply moved = http.post(PATH, writer(next), again);
    assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
    assertThat(http.get(PATH, reader(me)).json()).isEmpty();
    assertThat(http.get(PATH, reader(next)).json()).hasSize(1);
  }

  @Test
  void aSubscriptionIsRemovedOnlyByItsOwner() {
    UUID me = person(jdbc, "Device Owner");
    UUID other = person(jdbc, "Device Snoop");
    TestDevices.Phone phone = TestDevices.phone(http, me, "Phone");

    assertThat(http.delete(PATH + "/" + phone.subscriptionId(), writer(other)).status())
        .isEqualTo(404);
    assertThat(http.get(PATH, reader(me)).json()).hasSize(1);
    assertThat(http.delete(PATH + "/" + phone.subscriptionId(), reader(me)).status())
        .as("removing needs notifications:write")
        .isEqualTo(403);
    assertThat(http.delete(PATH + "/" + phone.subscriptionId(), writer(me)).status())
        .isEqualTo(204);
    assertThat(http.delete(PATH + "/" + phone.subscriptionId(), writer(me)).status())
        .isEqualTo(404);
    assertThat(http.get(PATH, reader(me)).json()).isEmpty();
  }

  @Test
  void badSubscriptionsAreRefusedNamingTheField() {
    UUID me = person(jdbc, "Careless Registrar");
    TestBrowser keys = TestBrowser.create();
    String endpoint = TestPushServices.webPush().origin() + "/push/" + UUID.randomUUID();

    assertRefused(me, webPush(endpoint.replace("https:", "http:"), keys), "endpoint");
    assertRefused(me, webPush("https://169.254.169.254/latest/meta-data", keys), "endpoint");
    assertRefused(me, webPush(endpoint + "/" + "a".repeat(2048), keys), "endpoint");
    assertRefused(me, webPush("not a url at all", keys), "endpoint");
    Map<String, Object> shortKey = webPush(endpoint, keys);
    shortKey.put("keys", Map.of("p256dh", keys.auth(), "auth", keys.auth()));
    assertRefused(me, shortKey, "keys.p256dh");
    byte[] offCurve = Base64.getUrlDecoder().decode(keys.p256dh());
    offCurve[64] ^= 1;
    Map<String, Object> off = webPush(endpoint, keys);
    off.put(
        "keys",
        Map.of(
            "p256dh", Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve),
            "auth", keys.auth()));
    assertRefused(me, off, "keys.p256dh");
    Map<String, Object> badAuth = webPush(endpoint, keys);
    badAuth.put("keys", Map.of("p256dh", keys.p256dh(), "auth", "c2hvcnQ"));
    assertRefused(me, badAuth, "keys.auth");
    Map<String, Object> notBase64 = webPush(endpoint, keys);
    notBase64.put("keys", Map.of("p256dh", keys.p256dh(), "auth", "not/base64+url"));
    assertRefused(me, notBase64, "keys.auth");
    Map<String, Object> noKeys = webPush(endpoint, keys);
    noKeys.remove("keys");
    assertRefused(me, noKeys, "keys");
    Map<String, Object> mixed = webPush(endpoint, keys);
    mixed.put("token", "abc");
    assertRefused(me, mixed, "token");
    assertRefused(me, Map.of("kind", "fcm"), "token");
    assertRefused(me, Map.of("kind", "fcm", "token", "a".repeat(4097)), "token");
    assertRefused(me, Map.of("kind", "fcm", "token", "has spaces in it"), "token");
    assertRefused(me, Map.of("kind", "fcm", "token", "abc", "endpoint", endpoint), "endpoint");
    assertRefused(me, Map.of("kind", "sms", "token", "abc"), "kind");

    Reply longLabel =
        http.post(PATH, writer(me), Map.of("kind", "fcm", "token", "abc", "label", "x".repeat(81)));
    assertThat(longLabel.status()).isEqualTo(400);
    assertThat(longLabel.body()).contains("label");
    assertThat(http.post(PATH, reader(me), Map.of("kind", "fcm", "token", "abc")).status())
        .as("registering needs notifications:write")
        .isEqualTo(403);
    assertThat(http.get(PATH, reader(me)).json()).isEmpty();
  }

  @Test
  void aPersonHasAtMostTwentySubscriptions() {
    UUID me = person(jdbc, "Gadget Collector");
    for (int i = 0; i < PushSubscriptions.MAX_PER_PERSON; i++) {
      TestDevices.phone(http, me, "Phone " + i);
    }

    Reply refused =
        http.post(
            PATH,
            writer(me),
            Map.of("kind", "fcm", "token", TestPushServices.fcm().newDeviceToken()));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(http.get(PATH, reader(me)).json()).hasSize(PushSubscriptions.MAX_PER_PERSON);
  }

  private void assertRefused(UUID user, Map<String, Object> body, String field) {
    Reply reply = http.post(PATH, writer(user), body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    reply.json().path("errors").forEach(error -> fields.add(error.path("field").asString("")));
    assertThat(fields).as(reply.toString()).contains(field);
  }

  private static Map<String, Object> webPush(String endpoint, TestBrowser keys) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "webpush");
    body.put("endpoint", endpoint);
    body.put("keys", Map.of("p256dh", keys.p256dh(), "auth", keys.auth()));
    body.put("expirationTime", null);
    return body;
  }
}
