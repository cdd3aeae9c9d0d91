package io.stride.integration.connectors;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code connector_activity}: each remote activity handed over once, or skipped. */
@Repository
class ConnectorActivities {

  private final JdbcClient jdbc;

  ConnectorActivities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores it; false when this activity of the athlete came before (nothing to hand over). */
  boolean insert(ImportedActivityView activity, String source) {
    return jdbc.sql(
                """
                insert into connector_activity (import_id, user_id, source, external_id, name,
                  start_time, status, reason, received_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (user_id, source, external_id) do nothing
                """)
            .params(
                activity.importId(),
                activity.athleteId(),
                source,
                activity.externalId(),
                activity.name(),
                Timestamp.from(activity.startTime()),
                activity.status(),
                activity.reason(),
                Timestamp.from(activity.receivedAt()),
                activity.finishedAt() == null ? null : Timestamp.from(activity.finishedAt()))
            .update()
        == 1;
  }

  /** The athlete's activities from the source, newest first. */
  List<ImportedActivityView> newest(UUID userId, String source, int limit) {
    return jdbc.sql(
            """
            select import_id, user_id, external_id, name, start_time, status, workout_id, reason,
              received_at, finished_at
            from connector_activity where user_id = ? and source = ?
            order by start_time desc limit ?
            """)
        .params(userId, source, limit)
        .query(ConnectorActivities::read)
        .list();
  }

  boolean exists(UUID userId, String source, String externalId) {
    return jdbc.sql(
            "select 1 from connector_activity where user_id = ? and source = ? and external_id = ?")
        .params(userId, source, externalId)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  long count(UUID userId, String source) {
    return jdbc.sql("select count(*) from connector_activity where user_id = ? and source = ?")
        .params(userId, source)
        .query(Long.class)
        .single();
  }

  /** An import of a handed-over activity ended; a later or repeated outcome changes nothing. */
  int finish(
      UUID importId, String status, @Nullable UUID workoutId, @Nullable String reason, Instant at) {
    return jdbc.sql(
            """
            update connector_activity set status = ?, workout_id = ?, reason = ?, finished_at = ?
            where import_id = ? and status = 'accepted'
            """)
        .params(status, workoutId, reason, Timestamp.from(at), importId)
        .update();
  }

  private static ImportedActivityView read(ResultSet rs, int row) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new ImportedActivityView(
        rs.getObject("import_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("external_id"),
        rs.getString("name"),
        rs.getTimestamp("start_time").toInstant(),
        rs.getString("status"),
        rs.getObject("workout_id", UUID.class),
        rs.getString("reason"),
        rs.getTimestamp("received_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }
}
