package io.stride.notification.push;

import io.stride.notification.delivery.DeliveryFailedException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends Web Push (RFC 8030) to a browser's push service: the message as JSON, encrypted to the
 * browser (RFC 8291, {@code aes128gcm}), with VAPID (RFC 8292), {@code TTL}, {@code Urgency}, and
 * the notification as {@code Topic}, so a push sent twice replaces the first while it waits in the
 * push service. Without a VAPID key there is no Web Push.
 */
@Component
class WebPushClient {

  static final String SERVICE = "the Web Push service";
  private static final Base64.Decoder URL = Base64.getUrlDecoder();

  private final Optional<VapidKeys> keys;
  private final PushProperties properties;
  private final PushHttp http;
  private final JsonMapper json;
  private final Clock clock;

  WebPushClient(PushProperties properties, PushHttp http, JsonMapper json, Clock clock) {
    this.keys = VapidKeys.of(properties.vapidKey(), properties.vapidSubject());
    this.properties = properties;
    this.http = http;
    this.json = json;
    this.clock = clock;
  }

  /** The VAPID public key (base64url), when Web Push is set up. */
  Optional<String> publicKey() {
    return keys.map(VapidKeys::publicKey);
  }

  PushResult send(Subscription subscription, PushMessage message) {
    VapidKeys vapid = keys.orElseThrow(() -> new IllegalStateException("no VAPID key"));
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("title", message.title());
    payload.put("body", message.body());
    payload.put("link", message.link());
    payload.put("notificationId", message.notificationId().toString());
    payload.put("type", message.type());
    byte[] body =
        WebPushEncryption.encrypt(
            json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8),
            URL.decode(subscription.p256dh()),
            URL.decode(subscription.auth()));
    URI endpoint = URI.create(subscription.address());
    HttpRequest request =
        http.request(endpoint)
            .header("Authorization", vapid.authorization(endpoint, clock.instant()))
            .header("TTL", Long.toString(properties.ttl().toSeconds()))
            .header("Urgency", message.urgent() ? "high" : "normal")
            .header("Topic", topic(message))
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = http.send(request, SERVICE);
    PushResult result = PushResult.ofStatus(SERVICE, response.statusCode());
    if (result == null) {
      throw new DeliveryFailedException(SERVICE + " answered " + response.statusCode());
    }
    return result;
  }

  /** The notification id in 22 base64url characters (a Topic holds at most 32). */
  private static String topic(PushMessage message) {
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(message.notificationId().getMostSignificantBits());
    bytes.putLong(message.notificationId().getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }
}
