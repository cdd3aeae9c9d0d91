package io.stride.gamification.workouts;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.gamification.scoring.WorkoutFact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of athletes' workouts as workout-service last described them (version-guarded: an
 * older or repeated state changes nothing), with the personal records they set. A deleted workout
 * stays as a tombstone so a late event of it cannot bring it back.
 */
@Service
public class WorkoutCopies {

  private static final String FACTS =
      """
      select w.workout_id, w.sport, w.start_time, w.elapsed_seconds, w.moving_seconds,
             w.distance_meters, w.elevation_gain, w.average_heart_rate, w.max_heart_rate,
             w.max_speed, w.gps_jumps, w.visibility, w.source,
             exists (select 1 from personal_record r where r.workout_id = w.workout_id) record
      from workout w
      """;

  private final JdbcClient jdbc;

  WorkoutCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps this state of the workout unless a newer one (or its deletion) is held.
   *
   * @return whether it changed the copy
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(WorkoutSummary w, long version) {
    return jdbc.sql(
                """
                insert into workout (workout_id, owner_id, version, sport, start_time,
                    elapsed_seconds, moving_seconds, distance_meters, elevation_gain,
                    average_heart_rate, max_heart_rate, max_speed, gps_jumps, visibility, source)
                select :id, :owner, :version, :sport, :start, :elapsed, :moving, :distance,
                    :climb, :avgHr, :maxHr, :maxSpeed, :jumps, :visibility, :source
                where not exists (select 1 from erased_user where user_id = :owner)
                on conflict (workout_id) do update set
                    version = excluded.version, sport = excluded.sport,
                    start_time = excluded.start_time, elapsed_seconds = excluded.elapsed_seconds,
                    moving_seconds = excluded.moving_seconds,
                    distance_meters = excluded.distance_meters,
                    elevation_gain = excluded.elevation_gain,
                    average_heart_rate = excluded.average_heart_rate,
                    max_heart_rate = excluded.max_heart_rate, max_speed = excluded.max_speed,
                    gps_jumps = excluded.gps_jumps, visibility = excluded.visibility,
                    source = excluded.source
                where workout.version < excluded.version and not workout.deleted
                """)
            .param("id", w.workoutId())
            .param("owner", w.userId())
            .param("version", version)
            .param("sport", w.sport())
            .param("start", Timestamp.from(w.startTime()))
            .param("elapsed", w.elapsedSeconds())
            .param("moving", w.movingSeconds())
            .param("distance", w.distanceMeters())
            .param("climb", w.elevationGainMeters())
            .param("avgHr", w.averageHeartRate())
            .param("maxHr", w.maxHeartRate())
            .param("maxSpeed", w.maxSpeedMetersPerSecond())
            .param("jumps", w.gpsJumps())
            .param("visibility", w.visibility())
            .param("source", w.source())
            .update()
        > 0;
  }

  /**
   * Turns the workout into a tombstone and forgets its records.
   *
   * @return whether it was held (and not deleted already)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean delete(UUID workoutId, UUID ownerId) {
    jdbc.sql("delete from personal_record where workout_id = ?").param(workoutId).update();
    return jdbc.sql(
                """
                insert into workout (workout_id, owner_id, version, deleted)
                select :id, :owner, 9223372036854775807, true
                where not exists (select 1 from erased_user where user_id = :owner)
                on conflict (workout_id) do update set
                    deleted = true, version = excluded.version, sport = null, start_time = null,
                    elapsed_seconds = null, moving_seconds = null, distance_meters = null,
                    elevation_gain = null, average_heart_rate = null, max_heart_rate = null,
                    max_speed = null, gps_jumps = null, visibility = null, source = null
                where not workout.deleted
                """)
            .param("id", workoutId)
            .param("owner", ownerId)
            .update()
        > 0;
  }

  /**
   * Remembers a personal record the workout set, unless the workout was deleted.
   *
   * @return whether it is new
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean recordSet(PersonalRecordSet record) {
    return jdbc.sql(
                """
                insert into personal_record (workout_id, effort, owner_id)
                select :workout, :effort, :owner
                where not exists (select 1 from erased_user where user_id = :owner)
                  and not exists (select 1 from workout where workout_id = :workout and deleted)
                on conflict do nothing
                """)
            .param("workout", record.workoutId())
            .param("effort", record.effort())
            .param("owner", record.userId())
            .update()
        > 0;
  }

  /** The athlete's workouts (not deleted), in the order they started, ties by id. */
  public List<WorkoutFact> factsOf(UUID ownerId) {
    return jdbc.sql(
            FACTS + " where w.owner_id = ? and not w.deleted order by w.start_time, w.workout_id")
        .param(ownerId)
        .query(WorkoutCopies::fact)
        .list();
  }

  /** The owner of a workout the copy holds (deleted or not). */
  public Optional<UUID> ownerOf(UUID workoutId) {
    return jdbc.sql("select owner_id from workout where workout_id = ?")
        .param(workoutId)
        .query(UUID.class)
        .optional();
  }

  private static WorkoutFact fact(ResultSet rs, int row) throws SQLException {
    return new WorkoutFact(
        rs.getObject("workout_id", UUID.class),
        rs.getString("sport"),
        rs.getTimestamp("start_time").toInstant(),
        rs.getLong("elapsed_seconds"),
        rs.getObject("moving_seconds", Long.class),
        rs.getObject("distance_meters", Double.class),
        rs.getObject("elevation_gain", Double.class),
        rs.getObject("average_heart_rate", Integer.class),
        rs.getObject("max_heart_rate", Integer.class),
        rs.getObject("max_speed", Double.class),
        rs.getObject("gps_jumps", Integer.class),
        rs.getString("visibility"),
        rs.getString("source"),
        rs.getBoolean("record"));
  }
}
