package io.stride.notification.sources;

import io.stride.contracts.analytics.TrainingLoadUpdated;
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

/**
 * "Your form is high: a good day for a hard session", for athletes who switch it on (off on every
 * channel by default): when analytics-service scores the day ready (75 or more) because the athlete
 * is fresh, once per athlete and day however often the state is published that day.
 */
@Component
class FormNotifications implements NotificationSource {

  static final NotificationType FRESH =
      NotificationType.of("form-fresh", "/training").withFields("readiness", "form");

  /** The lowest readiness score that is told (the "ready" level). */
  static final int READY = 75;

  private final Inbox inbox;
  private final Clock clock;

  FormNotifications(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(FRESH);
  }

  @EventHandler
  void on(TrainingLoadUpdated event) {
    if (event.readiness() == null
        || event.readiness() < READY
        || !event.readinessReasons().contains("form-fresh")) {
      return;
    }
    inbox.tell(
        Notice.of(FRESH.name(), event.userId(), null, null, clock.instant())
            .groupedBy("form-fresh:" + event.day())
            .with(
                Map.of(
                    "readiness",
                    String.valueOf(event.readiness()),
                    "form",
                    String.format(Locale.ROOT, "%+.0f", event.form()))));
  }
}
