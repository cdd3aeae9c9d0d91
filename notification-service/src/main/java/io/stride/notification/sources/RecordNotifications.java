package io.stride.notification.sources;

import static io.stride.notification.types.Channel.IN_APP;
import static io.stride.notification.types.Channel.PUSH;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A personal record: one notification per workout and effort. */
@Component
class RecordNotifications implements NotificationSource {

  static final NotificationType RECORD =
      NotificationType.of("personal-record", "/workouts/{subject}", IN_APP, PUSH)
          .withFields("effort", "time", "sport");

  private final Inbox inbox;
  private final Clock clock;

  RecordNotifications(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(RECORD);
  }

  @EventHandler
  void on(PersonalRecordSet event) {
    inbox.tell(
        Notice.of(RECORD.name(), event.userId(), null, event.workoutId(), clock.instant())
            .groupedBy("record:" + event.workoutId() + ":" + event.effort())
            .with(
                Map.of(
                    "effort", event.effort(),
                    "time", clock(event.elapsedSeconds()),
                    "sport", event.sport())));
  }

  /** 42:17 or 1:02:03. */
  static String clock(double seconds) {
    Duration time = Duration.ofMillis(Math.round(seconds * 1000));
    long hours = time.toHours();
    int minutes = time.toMinutesPart();
    int secs = time.toSecondsPart();
    return hours > 0
        ? String.format("%d:%02d:%02d", hours, minutes, secs)
        : String.format("%d:%02d", minutes, secs);
  }
}
