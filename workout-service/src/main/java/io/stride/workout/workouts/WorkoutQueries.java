package io.stride.workout.workouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workout list as one index range scan: (owner, start time, id) descending, keyset paging from
 * the cursor, optional sport and date filters. Reads straight into list items; no entities.
 */
@Repository
class WorkoutQueries {

  private final JdbcClient jdbc;

  WorkoutQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Up to {@code limit} workouts of {@code owner} after {@code after}, newest first, limited to the
   * {@code visibilities} given (null: all, for the owner).
   */
  List<WorkoutListItem> page(
      UUID owner,
      List<String> visibilities,
      String sport,
      Instant from,
      Instant to,
      PageEnd after,
      int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select id, sport, title, visibility, start_time, elapsed_seconds, moving_seconds,"
                + " distance_m, elevation_gain_m, calories, average_heart_rate, source"
                + " from workout where owner_id = :owner");
    if (visibilities != null) {
      sql.append(" and visibility in (:visibilities)");
    }
    if (sport != null) {
      sql.append(" and sport = :sport");
    }
    if (from != null) {
      sql.append(" and start_time >= :from");
    }
    if (to != null) {
      sql.append(" and start_time < :to");
    }
    if (after != null) {
      sql.append(" and (start_time, id) < (:cursorTime, :cursorId)");
    }
    sql.append(" order by start_time desc, id desc limit :limit");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString()).param("owner", owner).param("limit", limit);
    if (visibilities != null) {
      statement = statement.param("visibilities", visibilities);
    }
    if (sport != null) {
      statement = statement.param("sport", sport);
    }
    if (from != null) {
      statement = statement.param("from", utc(from));
    }
    if (to != null) {
      statement = statement.param("to", utc(to));
    }
    if (after != null) {
      statement =
          statement.param("cursorTime", utc(after.startTime())).param("cursorId", after.id());
    }
    return statement.query(WorkoutQueries::item).list();
  }

  /**
   * A workout of {@code owner} that is the same activity: started within {@code startTolerance}
   * seconds, lasted about as long (within a minute or 3 %), and was not recorded by a different
   * known device.
   */
  java.util.Optional<UUID> sameActivity(
      UUID owner, Instant start, int elapsedSeconds, String device, int startTolerance) {
    int durationTolerance = Math.max(60, (int) Math.round(elapsedSeconds * 0.03));
    return jdbc.sql(
            """
            select id from workout
            where owner_id = :owner
              and start_time between :from and :to
              and abs(elapsed_seconds - :elapsed) <= :durationTolerance
              and (:device::text is null or device is null or device = :device)
            order by abs(extract(epoch from start_time - :start)) limit 1
            """)
        .param("owner", owner)
        .param("from", utc(start.minusSeconds(startTolerance)))
        .param("to", utc(start.plusSeconds(startTolerance)))
        .param("start", utc(start))
        .param("elapsed", elapsedSeconds)
        .param("durationTolerance", durationTolerance)
        .param("device", device, java.sql.Types.VARCHAR)
        .query(UUID.class)
        .optional();
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static WorkoutListItem item(ResultSet rs, int row) throws SQLException {
    return new WorkoutListItem(
        rs.getObject("id", UUID.class),
        rs.getString("sport").toLowerCase(Locale.ROOT),
        rs.getString("title"),
        rs.getString("visibility").toLowerCase(Locale.ROOT),
        rs.getObject("start_time", OffsetDateTime.class).toInstant(),
        rs.getInt("elapsed_seconds"),
        rs.getObject("moving_seconds", Integer.class),
        rs.getObject("distance_m", Double.class),
        rs.getObject("elevation_gain_m", Double.class),
        rs.getObject("calories", Integer.class),
        rs.getObject("average_heart_rate", Integer.class),
        rs.getString("source").toLowerCase(Locale.ROOT));
  }
}
