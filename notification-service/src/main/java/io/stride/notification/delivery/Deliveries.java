package io.stride.notification.delivery;

import io.stride.notification.people.Person;
import io.stride.notification.people.Persons;
import io.stride.notification.settings.DeliverySettings;
import io.stride.notification.settings.Preferences;
import io.stride.notification.settings.QuietHours;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules what is to be sent, in the transaction that made the notification: one email per
 * notification when the person wants that type by email, and one push per notification and device
 * or browser they have when they want it by push, after their quiet hours (notices that cannot be
 * switched off, and account emails, go at once); no email of its own when the person chose a digest
 * ({@link DigestJob}); one account email per event that asked for it, and one email to a partner's
 * contact per event that names it. {@link DeliveryWorker} sends them.
 */
@Service
public class Deliveries {

  private final JdbcClient jdbc;
  private final Preferences preferences;
  private final Persons persons;
  private final JsonMapper json;
  private final Clock clock;

  Deliveries(
      JdbcClient jdbc, Preferences preferences, Persons persons, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.preferences = preferences;
    this.persons = persons;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Plans the email and push of a new notification, by the channels the person has on for its type
   * ({@link Preferences#channels}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void schedule(
      UUID notificationId, UUID userId, NotificationType type, Set<Channel> channels, Instant at) {
    boolean email = channels.contains(Channel.EMAIL);
    boolean push = channels.contains(Channel.PUSH);
    if (!email && !push) {
      return;
    }
    Instant now = clock.instant();
    Instant sendAt = now;
    Person person = persons.get(userId);
    // notices go to verified addresses only (checked again when sending): none, no email to plan
    email = email && person.email() != null && person.emailVerified();
    if (type.switchable()) {
      DeliverySettings settings = preferences.settings(userId);
      // the digest (DigestJob) will carry it by email
      email = email && !settings.digests();
      sendAt = QuietHours.sendAt(now, settings, person.zone());
    }
    if (email) {
      jdbc.sql(
              """
              insert into delivery (delivery_id, user_id, channel, kind, notification_id, status,
                not_before, created_at)
              values (?, ?, 'email', ?, ?, 'PENDING', ?, ?) on conflict do nothing
              """)
          .params(
              UUID.randomUUID(),
              userId,
              type.name(),
              notificationId,
              Timestamp.from(sendAt),
              Timestamp.from(now))
          .update();
    }
    if (push) {
      // one per device or browser the person has now: each is sent, retried or given up alone
      jdbc.sql(
              """
              insert into delivery (delivery_id, user_id, channel, kind, notification_id,
                subscription_id, status, not_before, created_at)
              select gen_random_uuid(), user_id, 'push', :kind, :notification, subscription_id,
                'PENDING', :sendAt, :now
              from push_subscription where user_id = :user
              on conflict do nothing
              """)
          .param("kind", type.name())
          .param("notification", notificationId)
          .param("sendAt", Timestamp.from(sendAt))
          .param("now", Timestamp.from(now))
          .param("user", userId)
          .update();
    }
  }

  /**
   * An email auth-service asked for ({@link AccountEmail}), once per event, sent at once to the
   * address in the event.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void accountEmail(UUID eventId, UUID userId, AccountEmail kind, Map<String, String> data) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into delivery (delivery_id, user_id, channel, kind, source_event_id, payload,
              status, not_before, created_at)
            values (?, ?, 'email', ?, ?, cast(? as jsonb), 'PENDING', ?, ?) on conflict do nothing
            """)
        .params(
            UUID.randomUUID(),
            userId,
            kind.key(),
            eventId,
            json.writeValueAsString(data),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /**
   * An email to a partner's contact ({@link PartnerEmail}), once per {@code sourceId} (what it
   * tells), sent at once to the address {@code data} names ({@code email}); no person's, so the
   * delivery names the partner.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void partnerEmail(
      UUID sourceId, UUID partnerId, PartnerEmail kind, Map<String, String> data) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into delivery (delivery_id, partner_id, channel, kind, source_event_id, payload,
              status, not_before, created_at)
            values (?, ?, 'email', ?, ?, cast(? as jsonb), 'PENDING', ?, ?) on conflict do nothing
            """)
        .params(
            UUID.randomUUID(),
            partnerId,
            kind.key(),
            sourceId,
            json.writeValueAsString(data),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }
}
