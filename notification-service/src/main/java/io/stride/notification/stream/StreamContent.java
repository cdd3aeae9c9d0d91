package io.stride.notification.stream;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What the live stream sends about an inbox: a notification as the inbox shows it, the count. */
public interface StreamContent {

  /** The notification as the inbox shows it, or empty when it is gone or not the person's. */
  Optional<?> notification(UUID userId, UUID notificationId, Locale locale);

  long unread(UUID userId);
}
