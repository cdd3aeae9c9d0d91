package io.stride.notification.push;

import static io.stride.notification.TestPeople.reader;
import static io.stride.notification.TestPeople.writer;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import java.util.Map;
import java.util.UUID;

/** Devices and browsers registered the way the apps register them, on the push stubs. */
final class TestDevices {

  /** A browser: its keys, its endpoint at the Web Push stub, its subscription. */
  record Browser(UUID subscriptionId, String endpoint, TestBrowser keys) {}

  /** A phone: its FCM token, its subscription. */
  record Phone(UUID subscriptionId, String token) {}

  private TestDevices() {}

  /** Subscribes as a browser does: with the served key, then registers the subscription. */
  static Browser browser(HttpJson http, UUID user, String label) {
    String key =
        http.get("/api/v1/notifications/push/web-push-key", reader(user))
            .json()
            .get("publicKey")
            .asString();
    TestBrowser keys = TestBrowser.create();
    String endpoint = TestPushServices.webPush().subscribe(keys, key);
    Reply reply =
        http.post(
            "/api/v1/notifications/push-subscriptions",
            writer(user),
            Map.of(
                "kind",
                "webpush",
                "endpoint",
                endpoint,
                "keys",
                Map.of("p256dh", keys.p256dh(), "auth", keys.auth()),
                "label",
                label));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return new Browser(UUID.fromString(reply.json().get("id").asString()), endpoint, keys);
  }

  static Phone phone(HttpJson http, UUID user, String label) {
    String token = TestPushServices.fcm().newDeviceToken();
    Reply reply =
        http.post(
            "/api/v1/notifications/push-subscriptions",
            writer(user),
            Map.of("kind", "fcm", "token", token, "label", label));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return new Phone(UUID.fromString(reply.json().get("id").asString()), token);
  }
}
