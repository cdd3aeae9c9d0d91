package io.stride.notification.delivery;

import io.stride.notification.delivery.MailComposer.Mail;
import io.stride.notification.delivery.StoredNotifications.Stored;
import io.stride.notification.people.Person;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.Preferences;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationTexts;
import io.stride.notification.types.NotificationTexts.Text;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a digest email holds: the person's notifications of its period still unread when it goes, of
 * the types they want by email (security notices went at once), newest first; the first {@value
 * #SHOWN} written out, the rest counted.
 */
@Component
class DigestEmails {

  /** The kind of a digest's delivery. */
  static final String KIND = "digest";

  private static final int SHOWN = 20;
  private static final int MOST = 1_000;

  private final StoredNotifications notifications;
  private final NotificationTypes types;
  private final Preferences preferences;
  private final NotificationTexts texts;
  private final Persons persons;
  private final MailComposer composer;
  private final String publicUrl;

  DigestEmails(
      StoredNotifications notifications,
      NotificationTypes types,
      Preferences preferences,
      NotificationTexts texts,
      Persons persons,
      MailComposer composer,
      @Value("${stride.notifications.public-url}") String publicUrl) {
    this.notifications = notifications;
    this.types = types;
    this.preferences = preferences;
    this.texts = texts;
    this.persons = persons;
    this.composer = composer;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The notifications a digest from {@code from} to {@code to} would carry now. */
  List<Stored> contents(UUID userId, Instant from, Instant to) {
    List<String> wanted =
        types.all().stream()
            .filter(NotificationType::switchable)
            .filter(type -> preferences.enabled(userId, type, Channel.EMAIL))
            .map(NotificationType::name)
            .toList();
    return notifications.unread(userId, wanted, from, to, MOST);
  }

  /** The email of {@code digest} ("daily", "weekly"), or empty when nothing is left to tell. */
  Optional<Mail> compose(
      Person person, String digest, Instant from, Instant to, String unsubscribeUrl) {
    List<Stored> contents = contents(person.userId(), from, to);
    if (contents.isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, String>> items = new ArrayList<>();
    for (Stored stored : contents.subList(0, Math.min(SHOWN, contents.size()))) {
      NotificationType type = types.get(stored.type());
      Text text =
          texts.render(
              type,
              persons.displayName(stored.actorId()),
              stored.actorCount(),
              stored.data(),
              person.locale());
      items.add(
          Map.of(
              "title",
              text.title(),
              "body",
              text.body(),
              "link",
              publicUrl + type.linkFor(stored.subjectId(), stored.actorId())));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("name", person.displayName() == null ? "" : person.displayName());
    model.put("why", texts.message("mail.digest." + digest + ".why", person.locale()));
    model.put("items", items);
    model.put("more", contents.size() - items.size());
    model.put("inboxUrl", publicUrl + "/notifications");
    model.put("settingsUrl", publicUrl + "/settings/notifications");
    model.put("unsubscribeUrl", unsubscribeUrl);
    String subject =
        texts.message("mail.digest." + digest + ".subject", person.locale(), contents.size());
    return Optional.of(composer.compose(KIND, subject, model, person.locale()));
  }
}
