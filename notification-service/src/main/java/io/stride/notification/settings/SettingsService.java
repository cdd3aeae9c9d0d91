package io.stride.notification.settings;

import io.stride.notification.people.Persons;
import io.stride.notification.settings.SettingsView.QuietHoursView;
import io.stride.notification.settings.SettingsView.TypeView;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a person's settings; every refusal names the field. */
@Service
class SettingsService {

  private final JdbcClient jdbc;
  private final NotificationTypes types;
  private final Preferences preferences;
  private final Persons persons;
  private final Clock clock;

  SettingsService(
      JdbcClient jdbc,
      NotificationTypes types,
      Preferences preferences,
      Persons persons,
      Clock clock) {
    this.jdbc = jdbc;
    this.types = types;
    this.preferences = preferences;
    this.persons = persons;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  SettingsView read(UUID userId) {
    DeliverySettings settings = preferences.settings(userId);
    List<TypeView> views = new ArrayList<>();
    for (NotificationType type : types.all()) {
      Map<String, Boolean> channels = new LinkedHashMap<>();
      for (Channel channel : Channel.values()) {
        channels.put(channel.key(), preferences.enabled(userId, type, channel));
      }
      views.add(new TypeView(type.name(), type.switchable(), channels));
    }
    return new SettingsView(
        settings.hasQuietHours()
            ? new QuietHoursView(settings.quietStart(), settings.quietEnd())
            : null,
        settings.pushPerHour(),
        settings.emailDigest().key(),
        views);
  }

  @Transactional
  SettingsView change(UUID userId, SettingsRequest request) {
    List<FieldError> errors = new ArrayList<>();
    QuietHoursView quiet = request.quietHours();
    if (quiet != null && (quiet.start() == null || quiet.end() == null)) {
      errors.add(
          new FieldError("quietHours", "needs both start and end (HH:mm), or null for none"));
    } else if (quiet != null && quiet.start().equals(quiet.end())) {
      errors.add(new FieldError("quietHours", "start and end must differ"));
    }
    EmailDigest digest =
        request.emailDigest() == null
            ? preferences.settings(userId).emailDigest()
            : EmailDigest.ofKey(request.emailDigest()).orElse(null);
    if (digest == null) {
      errors.add(new FieldError("emailDigest", "must be off, daily or weekly"));
    }
    Map<String, Map<String, Boolean>> channels =
        request.channels() == null ? Map.of() : request.channels();
    channels.forEach((name, wanted) -> check(name, wanted, errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant now = clock.instant();
    Instant next = digest.next(now, persons.get(userId).zone());
    // a digest switched on collects from now; daily to weekly keeps what it has collected; the
    // first sending is the next 08:00 of the new choice
    jdbc.sql(
            """
            insert into delivery_settings (user_id, quiet_start, quiet_end, push_per_hour,
              email_digest, digest_since, next_digest_at)
            values (:user, :start, :end, :cap, :digest, :since, :next)
            on conflict (user_id) do update set quiet_start = excluded.quiet_start,
              quiet_end = excluded.quiet_end, push_per_hour = excluded.push_per_hour,
              email_digest = excluded.email_digest,
              digest_since = case when excluded.email_digest = 'off' then null
                                  else coalesce(delivery_settings.digest_since, excluded.digest_since) end,
              next_digest_at = case when excluded.email_digest = delivery_settings.email_digest
                                    then delivery_settings.next_digest_at
                                    else excluded.next_digest_at end
            """)
        .param("user", userId)
        .param("start", quiet == null ? null : quiet.start())
        .param("end", quiet == null ? null : quiet.end())
        .param("cap", request.pushPerHour())
        .param("digest", digest.key())
        .param("since", next == null ? null : Timestamp.from(now))
        .param("next", next == null ? null : Timestamp.from(next))
        .update();
    channels.forEach(
        (name, wanted) ->
            wanted.forEach(
                (channel, enabled) -> set(userId, name, Channel.ofKey(channel), enabled)));
    return read(userId);
  }

  /**
   * One click on an email's unsubscribe link: that type by email, off; from a digest ({@link
   * UnsubscribeLinks#DIGEST}), the digest and every type's email that can be switched off.
   */
  @Transactional
  boolean unsubscribe(UUID userId, String typeName) {
    if (UnsubscribeLinks.DIGEST.equals(typeName)) {
      jdbc.sql(
              "update delivery_settings set email_digest = 'off', digest_since = null,"
                  + " next_digest_at = null where user_id = ?")
          .param(userId)
          .update();
      types.all().stream()
          .filter(NotificationType::switchable)
          .forEach(type -> set(userId, type.name(), Channel.EMAIL, false));
      return true;
    }
    return types
        .find(typeName)
        .filter(NotificationType::switchable)
        .map(
            type -> {
              set(userId, type.name(), Channel.EMAIL, false);
              return true;
            })
        .orElse(false);
  }

  private void check(String name, Map<String, Boolean> wanted, List<FieldError> errors) {
    String field = "channels." + name;
    NotificationType type = types.find(name).orElse(null);
    if (type == null) {
      errors.add(new FieldError(field, "is not a notification type; see GET for the types"));
      return;
    }
    if (wanted == null) {
      errors.add(new FieldError(field, "must map channels to true or false"));
      return;
    }
    wanted.forEach(
        (channel, enabled) -> {
          String at = field + "." + channel;
          if (!Channel.isKey(channel)) {
            errors.add(new FieldError(at, "is not a channel: in_app, email or push"));
          } else if (enabled == null) {
            errors.add(new FieldError(at, "must be true or false"));
          } else if (!type.switchable() && type.onByDefault(Channel.ofKey(channel)) != enabled) {
            errors.add(new FieldError(at, "cannot be changed: " + name + " is a security notice"));
          }
        });
  }

  private void set(UUID userId, String type, Channel channel, boolean enabled) {
    jdbc.sql(
            "insert into preference (user_id, type, channel, enabled) values (?, ?, ?, ?) on"
                + " conflict (user_id, type, channel) do update set enabled = excluded.enabled")
        .params(userId, type, channel.key(), enabled)
        .update();
  }
}
