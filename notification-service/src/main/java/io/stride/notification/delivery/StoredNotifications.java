package io.stride.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A notification as it is when its delivery goes (a collapsed one with the actors it has by then),
 * for the senders to put into words; empty when it was deleted meanwhile.
 */
@Component
public class StoredNotifications {

  /** What a sender needs of a notification row. */
  public record Stored(
      String type, UUID actorId, int actorCount, UUID subjectId, Map<String, String> data) {}

  private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  StoredNotifications(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Optional<Stored> find(UUID notificationId) {
    return jdbc.sql(
            "select type, actor_id, actor_count, subject_id, data::text from notification where"
                + " notification_id = ?")
        .param(notificationId)
        .query(this::stored)
        .optional();
  }

  /** A person's notifications still unread that changed after {@code from} up to {@code to}. */
  List<Stored> unread(UUID userId, Instant from, Instant to, int limit) {
    return jdbc.sql(
            """
            select type, actor_id, actor_count, subject_id, data::text from notification
            where user_id = ? and updated_at > ? and updated_at <= ? and read_at is null
            order by updated_at desc, notification_id desc limit ?
            """)
        .params(userId, Timestamp.from(from), Timestamp.from(to), limit)
        .query(this::stored)
        .list();
  }

  private Stored stored(ResultSet rs, int row) throws SQLException {
    return new Stored(
        rs.getString(1),
        rs.getObject(2, UUID.class),
        rs.getInt(3),
        rs.getObject(4, UUID.class),
        json.readValue(rs.getString(5), DATA));
  }
}
