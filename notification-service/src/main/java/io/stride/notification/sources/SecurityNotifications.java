package io.stride.notification.sources;

import static io.stride.notification.types.Channel.EMAIL;
import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.PasswordChanged;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Security notices: a device or app now holds tokens for my account; my password was changed. They
 * cannot be switched off and ignore quiet hours: if it was not me, I need to know now.
 */
@Component
class SecurityNotifications implements NotificationSource {

  static final NotificationType DEVICE =
      NotificationType.of("device-linked", "/settings/security", IN_APP, EMAIL, PUSH)
          .notSwitchable()
          .withFields("device");
  static final NotificationType PASSWORD =
      NotificationType.of("password-changed", "/settings/security", IN_APP, EMAIL).notSwitchable();

  private final Inbox inbox;

  SecurityNotifications(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(DEVICE, PASSWORD);
  }

  @EventHandler
  void on(DeviceLinked event) {
    inbox.tell(
        Notice.of(DEVICE.name(), event.userId(), null, null, event.linkedAt())
            .groupedBy("device:" + event.clientId() + ":" + event.linkedAt().toEpochMilli())
            .with(Map.of("device", event.clientName())));
  }

  @EventHandler
  void on(PasswordChanged event) {
    inbox.tell(
        Notice.of(PASSWORD.name(), event.userId(), null, null, event.changedAt())
            .groupedBy("password:" + event.changedAt().toEpochMilli()));
  }
}
