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

  /**
   * A person's notifications of these types still unread that this service made or changed after
   * {@code from}, up to {@code to}, newest first.
   */
  List<Stored> unread(UUID userId, List<String> types, Instant from, Instant to, int limit) {
    if (types.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select type, actor_id, actor_count, subject_id, data::text from notification
            where user_id = :user and read_at is null and noticed_at > :from and noticed_at <= :to
              and type in (:types)
            order by noticed_at desc, notification_id desc limit :limit
            """)
        .param("user", userId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("types", types)
        .param("limit", limit)
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
