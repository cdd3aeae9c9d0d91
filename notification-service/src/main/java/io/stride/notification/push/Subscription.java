package io.stride.notification.push;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A device or browser of a person, as stored: {@code address} is the Web Push endpoint or the FCM
 * token; {@code p256dh} and {@code auth} (base64url) what Web Push encrypts to, null for FCM.
 */
record Subscription(
    UUID id,
    UUID userId,
    PushKind kind,
    String address,
    String p256dh,
    String auth,
    String label,
    Instant createdAt) {

  /** Where its pushes go, for people: the push service's host, or {@code fcm}. */
  String service() {
    return kind == PushKind.WEBPUSH ? URI.create(address).getHost() : "fcm";
  }

  @Override
  public String toString() {
    // never the endpoint, token or keys: they let anyone push to the device
    return "Subscription[" + id + ", " + kind.key() + "]";
  }
}
