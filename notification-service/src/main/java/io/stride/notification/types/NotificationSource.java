package io.stride.notification.types;

import java.util.List;

/**
 * A bean that turns events into notifications: it names the types it makes, and its
 * {@code @EventHandler} methods hand each event to the inbox as a {@code Notice}. Adding a type is
 * one such class and its texts in {@code messages.properties} (and the other languages).
 */
public interface NotificationSource {

  List<NotificationType> types();
}
