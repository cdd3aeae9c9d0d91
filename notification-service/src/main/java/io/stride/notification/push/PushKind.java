package io.stride.notification.push;

import java.util.Optional;

/** What a subscription is: a browser's Web Push subscription or a mobile app's FCM token. */
enum PushKind {
  WEBPUSH("webpush"),
  FCM("fcm");

  private final String key;

  PushKind(String key) {
    this.key = key;
  }

  /** As stored and in the API. */
  String key() {
    return key;
  }

  static Optional<PushKind> ofKey(String key) {
    for (PushKind kind : values()) {
      if (kind.key.equals(key)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
