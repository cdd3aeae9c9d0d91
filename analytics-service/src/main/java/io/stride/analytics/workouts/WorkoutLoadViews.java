package io.stride.analytics.workouts;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The caller's workouts' loads, newest first; nobody else's. */
@Service
class WorkoutLoadViews {

  private static final String SELECT =
      """
      select workout_id, sport, start_time, local_day,
             coalesce(moving_seconds, elapsed_seconds) duration, average_heart_rate,
             perceived_effort, trimp, hr_tss, session_rpe, load, load_method
      from workout where owner_id = :owner and not deleted
      """;

  private final JdbcClient jdbc;

  WorkoutLoadViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<WorkoutLoadResponse> find(UUID owner, UUID workoutId) {
    return jdbc.sql(SELECT + " and workout_id = :id")
        .param("owner", owner)
        .param("id", workoutId)
        .query(WorkoutLoadViews::row)
        .optional();
  }

  Page<WorkoutLoadResponse> list(UUID owner, After after, int limit) {
    var query =
        jdbc.sql(
                SELECT
                    + (after == null
                        ? ""
                        : " and (start_time, workout_id) < (:start, cast(:id as uuid))")
                    + " order by start_time desc, workout_id desc limit :limit")
            .param("owner", owner)
            .param("limit", limit + 1);
    if (after != null) {
      query = query.param("start", Timestamp.from(after.start())).param("id", after.workoutId());
    }
    return Page.of(
        query.query(WorkoutLoadViews::row).list(),
        limit,
        w -> Cursor.of(w.startTime(), w.workoutId()));
  }

  static After after(String cursor) {
    return Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
  }

  /** The key a page continues after. */
  record After(Instant start, UUID workoutId) {}

  private static WorkoutLoadResponse row(ResultSet rs, int n) throws SQLException {
    return new WorkoutLoadResponse(
        rs.getObject("workout_id", UUID.class),
        rs.getString("sport"),
        rs.getTimestamp("start_time").toInstant(),
        rs.getDate("local_day").toLocalDate(),
        rs.getLong("duration"),
        rs.getObject("average_heart_rate", Integer.class),
        rs.getObject("perceived_effort", Integer.class),
        rs.getObject("trimp", Double.class),
        rs.getObject("hr_tss", Double.class),
        rs.getObject("session_rpe", Double.class),
        rs.getDouble("load"),
        rs.getString("load_method"));
  }
}
