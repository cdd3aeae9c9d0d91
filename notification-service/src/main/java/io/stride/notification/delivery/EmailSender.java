package io.stride.notification.delivery;

import io.stride.notification.delivery.MailComposer.Mail;
import io.stride.notification.delivery.StoredNotifications.Stored;
import io.stride.notification.people.Person;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.UnsubscribeLinks;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationTexts;
import io.stride.notification.types.NotificationTexts.Text;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one email delivery over SMTP: an account email to the address auth-service gave (its link
 * while it works), an email to a partner's contact at the address its event gave, or a notification
 * to the person's verified address, with the text the notification has now and, for types that can
 * be switched off, a one-click unsubscribe ({@code List-Unsubscribe} and {@code
 * List-Unsubscribe-Post}, RFC 8058); or a digest ({@link DigestEmails}).
 */
@Component
class EmailSender implements ChannelSender {

  private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

  /** Partners have no language in Stride: their emails are English, their times UTC. */
  private static final Locale PARTNER_LANGUAGE = Locale.ENGLISH;

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("MMMM d, yyyy, HH:mm 'UTC'", PARTNER_LANGUAGE)
          .withZone(ZoneOffset.UTC);

  private final JavaMailSender mail;
  private final MailComposer composer;
  private final Persons persons;
  private final NotificationTypes types;
  private final NotificationTexts texts;
  private final UnsubscribeLinks unsubscribe;
  private final StoredNotifications notifications;
  private final DigestEmails digests;
  private final JsonMapper json;
  private final Clock clock;
  private final String from;
  private final String publicUrl;

  EmailSender(
      JavaMailSender mail,
      MailComposer composer,
      Persons persons,
      NotificationTypes types,
      NotificationTexts texts,
      UnsubscribeLinks unsubscribe,
      StoredNotifications notifications,
      DigestEmails digests,
      JsonMapper json,
      Clock clock,
      @Value("${stride.notifications.mail.from}") String from,
      @Value("${stride.notifications.public-url}") String publicUrl) {
    this.mail = mail;
    this.composer = composer;
    this.persons = persons;
    this.types = types;
    this.texts = texts;
    this.unsubscribe = unsubscribe;
    this.notifications = notifications;
    this.digests = digests;
    this.json = json;
    this.clock = clock;
    this.from = from;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public Outcome send(Due due) {
    if (DigestEmails.KIND.equals(due.kind())) {
      return sendDigest(due);
    }
    if (PartnerEmail.isOne(due.kind())) {
      return sendPartnerEmail(due);
    }
    return AccountEmail.isOne(due.kind()) ? sendAccountEmail(due) : sendNotification(due);
  }

  private Outcome sendDigest(Due due) {
    Person person = persons.get(due.userId());
    if (person.email() == null || !person.emailVerified()) {
      return Outcome.skipped("no verified email address");
    }
    Map<String, String> period = json.readValue(due.payload(), DATA);
    String unsubscribeUrl = unsubscribe.url(due.userId(), UnsubscribeLinks.DIGEST);
    Optional<Mail> digest =
        digests.compose(
            person,
            period.get("digest"),
            Instant.parse(period.get("from")),
            Instant.parse(period.get("to")),
            unsubscribeUrl);
    if (digest.isEmpty()) {
      return Outcome.skipped("everything in the digest was read or deleted before it went");
    }
    deliver(person.email(), digest.get(), unsubscribeUrl, due.id());
    return Outcome.SENT;
  }

  private Outcome sendAccountEmail(Due due) {
    AccountEmail kind = AccountEmail.ofKey(due.kind());
    Map<String, String> data = json.readValue(due.payload(), DATA);
    if (Instant.parse(data.get("expiresAt")).isBefore(clock.instant())) {
      return Outcome.skipped("the link expired before it could be sent");
    }
    Person person = persons.get(due.userId());
    Map<String, Object> model = new HashMap<>(data);
    model.put("name", Optional.ofNullable(data.get("displayName")).orElse(""));
    for (String part : List.of("body", "action", "expiry", "ignore")) {
      model.put(part, texts.message("mail." + kind.key() + "." + part, person.locale()));
    }
    String subject = texts.message("mail." + kind.key() + ".subject", person.locale());
    deliver(
        data.get("email"),
        composer.compose("account-email", subject, model, person.locale()),
        null,
        due.id());
    return Outcome.SENT;
  }

  private Outcome sendPartnerEmail(Due due) {
    PartnerEmail kind = PartnerEmail.ofKey(due.kind());
    Map<String, String> data = json.readValue(due.payload(), DATA);
    Object[] args =
        kind.fields().stream()
            .map(
                field -> {
                  String value = data.getOrDefault(field, "");
                  return kind.isTime(field) && !value.isEmpty()
                      ? UTC_TIME.format(Instant.parse(value))
                      : value;
                })
            .toArray();
    Map<String, Object> model = new HashMap<>();
    model.put("name", data.getOrDefault("partnerName", ""));
    for (String part : List.of("body", "next", "why")) {
      model.put(part, texts.message("mail." + kind.key() + "." + part, PARTNER_LANGUAGE, args));
    }
    String subject = texts.message("mail." + kind.key() + ".subject", PARTNER_LANGUAGE, args);
    deliver(
        data.get("email"),
        composer.compose("partner-email", subject, model, PARTNER_LANGUAGE),
        null,
        due.id());
    return Outcome.SENT;
  }

  private Outcome sendNotification(Due due) {
    Optional<Stored> stored = notifications.find(due.notificationId());
    if (stored.isEmpty()) {
      return Outcome.skipped("the notification was deleted");
    }
    Person person = persons.get(due.userId());
    if (person.email() == null || !person.emailVerified()) {
      return Outcome.skipped("no verified email address");
    }
    Stored notification = stored.get();
    NotificationType type = types.get(notification.type());
    String actorName = persons.displayName(notification.actorId());
    Text text =
        texts.render(
            type, actorName, notification.actorCount(), notification.data(), person.locale());
    String unsubscribeUrl = type.switchable() ? unsubscribe.url(due.userId(), type.name()) : null;
    Map<String, Object> model = new HashMap<>();
    model.put("name", person.displayName() == null ? "" : person.displayName());
    model.put("title", text.title());
    model.put("body", text.body());
    model.put("link", publicUrl + type.linkFor(notification.subjectId(), notification.actorId()));
    model.put("settingsUrl", publicUrl + "/settings/notifications");
    model.put("unsubscribeUrl", unsubscribeUrl);
    model.put("typeName", texts.message("type." + type.name(), person.locale()));
    deliver(
        person.email(),
        composer.compose("notification", text.title(), model, person.locale()),
        unsubscribeUrl,
        due.id());
    return Outcome.SENT;
  }

  private void deliver(String to, Mail content, String unsubscribeUrl, UUID deliveryId) {
    MimeMessage message = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(content.subject());
      helper.setText(content.text(), content.html());
      if (unsubscribeUrl != null) {
        message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      message.setHeader("X-Stride-Delivery", deliveryId.toString());
    } catch (MessagingException e) {
      throw new MailPreparationException("could not build the email", e);
    }
    mail.send(message);
  }
}
