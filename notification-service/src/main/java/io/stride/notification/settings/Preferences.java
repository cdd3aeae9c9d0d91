package io.stride.notification.settings;

import io.stride.notification.types.Channel;
import io.stride.notification.types.NotificationType;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a type reaches a person by a channel (their choice, else the type's default; a type that
 * cannot be switched off always uses its defaults), and their delivery settings.
 */
@Component
public class Preferences {

  private final JdbcClient jdbc;

  Preferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean enabled(UUID userId, NotificationType type, Channel channel) {
    return channels(userId, type).contains(channel);
  }

  /** The channels by which a type reaches a person, read in one query. */
  public Set<Channel> channels(UUID userId, NotificationType type) {
    Set<Channel> on = EnumSet.noneOf(Channel.class);
    for (Channel channel : Channel.values()) {
      if (type.onByDefault(channel)) {
        on.add(channel);
      }
    }
    if (!type.switchable()) {
      return on;
    }
    jdbc.sql("select channel, enabled from preference where user_id = ? and type = ?")
        .params(userId, type.name())
        .query(
            rs -> {
              Channel channel = Channel.ofKey(rs.getString("channel"));
              if (rs.getBoolean("enabled")) {
                on.add(channel);
              } else {
                on.remove(channel);
              }
            });
    return on;
  }

  public DeliverySettings settings(UUID userId) {
    return jdbc.sql(
            "select quiet_start, quiet_end, push_per_hour, email_digest from delivery_settings"
                + " where user_id = ?")
        .param(userId)
        .query(
            (rs, row) ->
                new DeliverySettings(
                    rs.getObject("quiet_start", LocalTime.class),
                    rs.getObject("quiet_end", LocalTime.class),
                    rs.getInt("push_per_hour"),
                    EmailDigest.ofKey(rs.getString("email_digest")).orElse(EmailDigest.OFF)))
        .optional()
        .orElse(DeliverySettings.DEFAULTS);
  }
}
