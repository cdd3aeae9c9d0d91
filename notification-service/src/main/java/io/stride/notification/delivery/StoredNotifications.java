package io.stride.notification.delivery;

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
        .query(
            (rs, row) ->
                new Stored(
                    rs.getString(1),
                    rs.getObject(2, UUID.class),
                    rs.getInt(3),
                    rs.getObject(4, UUID.class),
                    json.readValue(rs.getString(5), DATA)))
        .optional();
  }
}
