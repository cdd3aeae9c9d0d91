package io.stride.notification.settings;

import io.stride.notification.settings.SettingsView.QuietHoursView;
import io.stride.notification.settings.SettingsView.TypeView;
import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationType;
import io.stride.notification.types.NotificationTypes;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.InvalidRequestException.FieldError;
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

  SettingsService(JdbcClient jdbc, NotificationTypes types, Preferences preferences) {
    this.jdbc = jdbc;
    this.types = types;
    this.preferences = preferences;
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
    Map<String, Map<String, Boolean>> channels =
        request.channels() == null ? Map.of() : request.channels();
    channels.forEach((name, wanted) -> check(name, wanted, errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    jdbc.sql(
            """
            insert into delivery_settings (user_id, quiet_start, quiet_end, push_per_hour, email_digest)
            values (?, ?, ?, ?, 'off')
            on conflict (user_id) do update set quiet_start = excluded.quiet_start,
              quiet_end = excluded.quiet_end, push_per_hour = excluded.push_per_hour
            """)
        .params(
            userId,
            quiet == null ? null : quiet.start(),
            quiet == null ? null : quiet.end(),
            request.pushPerHour())
        .update();
    channels.forEach(
        (name, wanted) ->
            wanted.forEach(
                (channel, enabled) -> set(userId, name, Channel.ofKey(channel), enabled)));
    return read(userId);
  }

  /** One click on an email's unsubscribe link: that type by email, off. */
  @Transactional
  boolean unsubscribe(UUID userId, String typeName) {
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
