package io.stride.notification.sources;

import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.workout.GearDistanceReached;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Gear that reached the distance its owner wanted to hear of: one per reminder distance. */
@Component
class GearNotifications implements NotificationSource {

  static final NotificationType REMINDER =
      NotificationType.of("gear-reminder", "/gear/{subject}", IN_APP, PUSH)
          .withFields("name", "kilometres");

  private final Inbox inbox;
  private final Clock clock;

  GearNotifications(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(REMINDER);
  }

  @EventHandler
  void on(GearDistanceReached event) {
    inbox.tell(
        Notice.of(REMINDER.name(), event.userId(), null, event.gearId(), clock.instant())
            .groupedBy("gear:" + event.gearId() + ":" + Math.round(event.reminderMeters()))
            .with(
                Map.of(
                    "name",
                    event.name(),
                    "kilometres",
                    String.format(
                        Locale.ROOT, "%.0f", Math.floor(event.reminderMeters() / 1000)))));
  }
}
