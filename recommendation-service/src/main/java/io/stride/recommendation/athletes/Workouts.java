package io.stride.recommendation.athletes;

import io.stride.contracts.workout.WorkoutSummary;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The athletes' workouts of the last twelve weeks: sports, level and recent pattern. */
@Repository
public class Workouts {

  /** How far back workouts are kept and read. */
  public static final Duration WINDOW = Duration.ofDays(84);

  static final int HARD_EFFORT = 7;
  static final double HARD_ZONE_SECONDS = 20 * 60;
  static final double HARD_ZONE_SHARE = 0.25;

  private final JdbcClient jdbc;

  Workouts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One workout as the pattern reads it. */
  public record Workout(
      UUID workoutId,
      String sport,
      Instant startTime,
      long movingSeconds,
      boolean hard,
      boolean shown,
      @Nullable Double distanceMeters,
      @Nullable Double elevationMeters) {}

  /** Stores the workout unless a newer version of it is stored; true when it was. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(WorkoutSummary workout, long version) {
    long moving =
        workout.movingSeconds() != null ? workout.movingSeconds() : workout.elapsedSeconds();
    return jdbc.sql(
                """
                insert into workout (workout_id, user_id, sport, start_time, moving_s, distance_m,
                                     elevation_m, hard, shown, version)
                select cast(:id as uuid), cast(:user as uuid), :sport, :start, :moving, :distance,
                       :elevation, :hard, :shown, :version
                where not exists (select 1 from erased_user where user_id = cast(:user as uuid))
                  and not exists (select 1 from tombstone
                                  where kind = 'workout' and target_id = cast(:id as uuid))
                on conflict (workout_id) do update set
                    sport = excluded.sport, start_time = excluded.start_time,
                    moving_s = excluded.moving_s, distance_m = excluded.distance_m,
                    elevation_m = excluded.elevation_m, hard = excluded.hard,
                    shown = excluded.shown, version = excluded.version
                where workout.version < excluded.version
                """)
            .param("id", workout.workoutId())
            .param("user", workout.userId())
            .param("sport", workout.sport())
            .param("start", Timestamp.from(workout.startTime()))
            .param("moving", moving)
            .param("distance", workout.distanceMeters())
            .param("elevation", workout.elevationGainMeters())
            .param("hard", hard(workout, moving))
            .param("shown", "public".equalsIgnoreCase(workout.visibility()))
            .param("version", version)
            .update()
        == 1;
  }

  /**
   * Deletes the workout and leaves a tombstone, so a late or replayed state of it stores nothing;
   * true when a stored workout went.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean delete(UUID workoutId) {
    jdbc.sql(
            """
            insert into tombstone (kind, target_id, deleted_at) values ('workout', ?, now())
            on conflict do nothing
            """)
        .param(workoutId)
        .update();
    return jdbc.sql("delete from workout where workout_id = ?").param(workoutId).update() == 1;
  }

  /** The athlete's workouts since {@code since}, newest first. */
  public List<Workout> since(UUID userId, Instant since) {
    return jdbc.sql(
            """
            select workout_id, sport, start_time, moving_s, hard, shown, distance_m, elevation_m
            from workout where user_id = ? and start_time >= ? order by start_time desc
            """)
        .params(userId, Timestamp.from(since))
        .query(
            (rs, row) ->
                new Workout(
                    rs.getObject("workout_id", UUID.class),
                    rs.getString("sport"),
                    rs.getTimestamp("start_time").toInstant(),
                    rs.getLong("moving_s"),
                    rs.getBoolean("hard"),
                    rs.getBoolean("shown"),
                    (Double) rs.getObject("distance_m"),
                    (Double) rs.getObject("elevation_m")))
        .list();
  }

  /**
   * Drops workouts older than the window, and tombstones older than it (the workouts they stand for
   * started before their deletion, so older than the window too); returns how many went.
   */
  public int prune(Instant now) {
    Timestamp cutoff = Timestamp.from(now.minus(WINDOW));
    int workouts = jdbc.sql("delete from workout where start_time < ?").param(cutoff).update();
    jdbc.sql("delete from tombstone where kind = 'workout' and deleted_at < ?")
        .param(cutoff)
        .update();
    return workouts;
  }

  /** Perceived effort of 7 or more, or 20 minutes and a quarter of the time in zones 4 and 5. */
  static boolean hard(WorkoutSummary workout, long movingSeconds) {
    if (workout.perceivedEffort() != null && workout.perceivedEffort() >= HARD_EFFORT) {
      return true;
    }
    List<Double> zones = workout.heartRateZoneSeconds();
    if (zones == null || zones.size() < 5) {
      return false;
    }
    double high = zones.get(3) + zones.get(4);
    return high >= HARD_ZONE_SECONDS && high >= HARD_ZONE_SHARE * movingSeconds;
  }
}
