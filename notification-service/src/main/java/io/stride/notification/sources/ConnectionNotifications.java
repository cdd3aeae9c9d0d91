package io.stride.notification.sources;

import static io.stride.notification.types.Channel.IN_APP;

import io.stride.contracts.integration.PartnerConnected;
import io.stride.contracts.integration.PartnerDisconnected;
import io.stride.notification.inbox.Inbox;
import io.stride.notification.inbox.Notice;
import io.stride.notification.types.NotificationSource;
import io.stride.notification.types.NotificationType;
import io.stride.platform.events.EventHandler;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Partners' apps an athlete connected or disconnected (integration-service, ADR 0038), leading to
 * the connected apps in the settings. In the inbox only, and switchable: the connection itself
 * already came as a security notice ({@code device-linked}); these say what the partner receives of
 * the athlete (its endpoints' webhook event types, in words), and that it receives nothing more.
 * One notification per connection and per disconnection (by their times), however often told.
 */
@Component
class ConnectionNotifications implements NotificationSource {

  static final String LINK = "/settings/connected-apps";

  static final NotificationType CONNECTED =
      NotificationType.of("partner-connected", LINK, IN_APP)
          .withFields("partner")
          .withTerms("receives", "webhook");
  static final NotificationType DISCONNECTED =
      NotificationType.of("partner-disconnected", LINK, IN_APP).withFields("partner");

  /** The webhook event types in the order their words read best; any other comes after them. */
  private static final List<String> WORD_ORDER =
      List.of("workout.created", "workout.updated", "workout.deleted", "athlete.deauthorized");

  private final Inbox inbox;

  ConnectionNotifications(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public List<NotificationType> types() {
    return List.of(CONNECTED, DISCONNECTED);
  }

  @EventHandler
  void on(PartnerConnected event) {
    List<String> eventTypes =
        event.eventTypes() == null
            ? List.of()
            : event.eventTypes().stream()
                .distinct()
                .sorted(Comparator.comparingInt(ConnectionNotifications::wordOrder))
                .toList();
    inbox.tell(
        Notice.of(CONNECTED.name(), event.userId(), null, event.partnerId(), event.connectedAt())
            .groupedBy(
                "partner-connected:" + event.partnerId() + ":" + event.connectedAt().toEpochMilli())
            .with(
                Map.of("partner", event.partnerName(), "receives", String.join(",", eventTypes))));
  }

  private static int wordOrder(String eventType) {
    int known = WORD_ORDER.indexOf(eventType);
    return known < 0 ? WORD_ORDER.size() : known;
  }

  @EventHandler
  void on(PartnerDisconnected event) {
    inbox.tell(
        Notice.of(
                DISCONNECTED.name(),
                event.userId(),
                null,
                event.partnerId(),
                event.disconnectedAt())
            .groupedBy(
                "partner-disconnected:"
                    + event.partnerId()
                    + ":"
                    + event.disconnectedAt().toEpochMilli())
            .with(Map.of("partner", event.partnerName())));
  }
}
