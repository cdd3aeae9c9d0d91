package io.stride.notification.push;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A device or browser the caller receives pushes on (never its endpoint, token or keys).
 *
 * @param kind {@code webpush} or {@code fcm}
 * @param label what the person calls it
 * @param service the push service it is reached through: its host for Web Push, {@code fcm}
 */
record PushSubscriptionView(
    UUID id, String kind, @Nullable String label, String service, Instant createdAt) {

  static PushSubscriptionView of(Subscription subscription) {
    return new PushSubscriptionView(
        subscription.id(),
        subscription.kind().key(),
        subscription.label(),
        subscription.service(),
        subscription.createdAt());
  }
}
