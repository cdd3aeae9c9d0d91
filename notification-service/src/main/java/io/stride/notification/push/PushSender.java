package io.stride.notification.push;

import io.stride.notification.delivery.ChannelSender;
import io.stride.notification.delivery.Due;
import io.stride.notification.delivery.Outcome;
import io.stride.notification.delivery.StoredNotifications;
import io.stride.notification.delivery.StoredNotifications.Stored;
import io.stride.notification.people.Person;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.Preferences;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationTexts;
import io.stride.notification.types.NotificationTexts.Text;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends one push delivery: the notification as it is now, in the person's language, to the one
 * device or browser the delivery names. Not sent: when the subscription or the notification is
 * gone, when the channel is no longer set up, or when the person already had their {@code
 * pushPerHour} pushes in the last hour (security notices are never held back by the cap). A push
 * service that says the subscription no longer exists (404/410, UNREGISTERED) has it deleted.
 */
@Component
class PushSender implements ChannelSender {

  static final Duration CAP_WINDOW = Duration.ofHours(1);

  private final PushSubscriptions subscriptions;
  private final StoredNotifications notifications;
  private final Persons persons;
  private final NotificationTypes types;
  private final NotificationTexts texts;
  private final Preferences preferences;
  private final WebPushClient webPush;
  private final FcmClient fcm;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String publicUrl;

  PushSender(
      PushSubscriptions subscriptions,
      StoredNotifications notifications,
      Persons persons,
      NotificationTypes types,
      NotificationTexts texts,
      Preferences preferences,
      WebPushClient webPush,
      FcmClient fcm,
      JdbcClient jdbc,
      Clock clock,
      @Value("${stride.notifications.public-url}") String publicUrl) {
    this.subscriptions = subscriptions;
    this.notifications = notifications;
    this.persons = persons;
    this.types = types;
    this.texts = texts;
    this.preferences = preferences;
    this.webPush = webPush;
    this.fcm = fcm;
    this.jdbc = jdbc;
    this.clock = clock;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @Override
  public Channel channel() {
    return Channel.PUSH;
  }

  @Override
  public Outcome send(Due due) {
    Optional<Subscription> found =
        due.subscriptionId() == null ? Optional.empty() : subscriptions.find(due.subscriptionId());
    if (found.isEmpty() || !found.get().userId().equals(due.userId())) {
      return Outcome.skipped("the subscription was removed");
    }
    Subscription subscription = found.get();
    if (!setUp(subscription.kind())) {
      return Outcome.skipped(subscription.kind().key() + " is not set up on this server");
    }
    Optional<Stored> stored = notifications.find(due.notificationId());
    if (stored.isEmpty()) {
      return Outcome.skipped("the notification was deleted");
    }
    NotificationType type = types.get(stored.get().type());
    if (type.switchable() && overCap(due)) {
      return Outcome.skipped("over the hourly cap", "capped");
    }
    PushMessage message = message(due, stored.get(), type);
    PushResult result =
        switch (subscription.kind()) {
          case WEBPUSH -> webPush.send(subscription, message);
          case FCM -> fcm.send(subscription, message);
        };
    return switch (result.kind()) {
      case DELIVERED -> Outcome.SENT;
      case GONE -> {
        subscriptions.remove(subscription.id());
        yield Outcome.skipped("subscription gone (" + result.reason() + ")", "gone");
      }
      case REFUSED -> Outcome.refused(result.reason());
    };
  }

  private boolean setUp(PushKind kind) {
    return kind == PushKind.WEBPUSH ? webPush.publicKey().isPresent() : fcm.available();
  }

  /**
   * Whether the person had their cap of other notifications pushed within the last hour (one
   * notification on three devices is one push to them).
   */
  private boolean overCap(Due due) {
    int cap = preferences.settings(due.userId()).pushPerHour();
    long pushed =
        jdbc.sql(
                """
                select count(distinct notification_id) from delivery
                where user_id = ? and channel = 'push' and status = 'SENT' and finished_at > ?
                  and notification_id <> ?
                """)
            .params(
                due.userId(),
                Timestamp.from(clock.instant().minus(CAP_WINDOW)),
                due.notificationId())
            .query(Long.class)
            .single();
    return pushed >= cap;
  }

  private PushMessage message(Due due, Stored notification, NotificationType type) {
    Person person = persons.get(due.userId());
    Text text =
        texts.render(
            type,
            persons.displayName(notification.actorId()),
            notification.actorCount(),
            notification.data(),
            person.locale());
    return new PushMessage(
        due.notificationId(),
        type.name(),
        text.title(),
        text.body(),
        publicUrl + type.linkFor(notification.subjectId(), notification.actorId()),
        !type.switchable());
  }
}
