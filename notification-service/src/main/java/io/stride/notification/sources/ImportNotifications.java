package io.stride.notification.sources;

import static io.stride.notification.types.Channel.EMAIL;
import static io.stride.notification.types.Channel.IN_APP;

import io.stride.contracts.workout.ImportFailed;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An upload that could not become a workout, with the reason. */
@Component
class ImportNotifications implements NotificationSource {

  static final NotificationType FAILED =
      NotificationType.of("import-failed", "/imports/{subject}", IN_APP, EMAIL)
          .withFields("fileName", "reason");

  private final Inbox inbox;

  ImportNotifications(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(FAILED);
  }

  @EventHandler
  void on(ImportFailed event) {
    inbox.tell(
        Notice.of(FAILED.name(), event.userId(), null, event.importId(), event.failedAt())
            .with(
                Map.of(
                    "fileName",
                    event.fileName() == null ? "" : event.fileName(),
                    "reason",
                    event.reason())));
  }
}
