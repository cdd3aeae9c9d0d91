package io.stride.analytics.workouts;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.load.LoadInput;
import io.stride.analytics.load.TrainingLoad;
import io.stride.analytics.load.TrainingLoads;
import io.stride.analytics.predictions.BestEffortCopies;
import io.stride.contracts.workout.WorkoutSummary;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of athletes' workouts as workout-service last described them, version-guarded,
 * each with its local day and its training load computed on arrival; a deleted workout stays as a
 * tombstone so a late event of it cannot bring it back.
 */
@Service
public class WorkoutCopies {

  private static final String LOAD_FACTS =
      """
      select workout_id, start_time, coalesce(moving_seconds, elapsed_seconds) duration,
             average_heart_rate, zone_seconds, perceived_effort
      from workout
      """;

  private final JdbcClient jdbc;
  private final BestEffortCopies efforts;
  private final MeterRegistry meters;

  WorkoutCopies(JdbcClient jdbc, BestEffortCopies efforts, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.efforts = efforts;
    this.meters = meters;
  }

  /**
   * Keeps this state of the workout, with its load for {@code athlete}, unless a newer one (or its
   * deletion) is held.
   *
   * @return what it changed in the copy; null when it changed nothing
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change apply(WorkoutSummary w, long version, Athlete athlete) {
    LocalDate day = w.startTime().atZone(athlete.zone()).toLocalDate();
    long duration = w.movingSeconds() != null ? w.movingSeconds() : w.elapsedSeconds();
    List<Double> zones = w.heartRateZoneSeconds();
    TrainingLoad load =
        TrainingLoads.of(
            new LoadInput(duration, w.averageHeartRate(), zones, w.perceivedEffort(), day),
            athlete);
    // the row's xmax is 0 when the copy is new: then it has no efforts to replace yet; the
    // statement's snapshot still holds the state it replaces
    Change change =
        jdbc.sql(
                """
                with before as (
                    select local_day, coalesce(load, 0) load from workout
                    where workout_id = :id and not deleted)
                insert into workout (workout_id, owner_id, version, sport, start_time, local_day,
                    elapsed_seconds, moving_seconds, distance_meters, elevation_gain, calories,
                    average_heart_rate, zone_seconds, perceived_effort, visibility, trimp, hr_tss,
                    session_rpe, load, load_method)
                select :id, :owner, :version, :sport, :start, :day, :elapsed, :moving, :distance,
                    :climb, :calories, :avgHr, cast(:zones as double precision[]), :rpe,
                    :visibility, :trimp, :hrTss, :srpe, :load, :method
                where not exists (select 1 from erased_user where user_id = :owner)
                on conflict (workout_id) do update set
                    version = excluded.version, sport = excluded.sport,
                    start_time = excluded.start_time, local_day = excluded.local_day,
                    elapsed_seconds = excluded.elapsed_seconds,
                    moving_seconds = excluded.moving_seconds,
                    distance_meters = excluded.distance_meters,
                    elevation_gain = excluded.elevation_gain, calories = excluded.calories,
                    average_heart_rate = excluded.average_heart_rate,
                    zone_seconds = excluded.zone_seconds,
                    perceived_effort = excluded.perceived_effort,
                    visibility = excluded.visibility, trimp = excluded.trimp,
                    hr_tss = excluded.hr_tss, session_rpe = excluded.session_rpe,
                    load = excluded.load, load_method = excluded.load_method
                where workout.version < excluded.version and not workout.deleted
                returning xmax = 0, (select local_day from before), (select load from before)
                """)
            .param("id", w.workoutId())
            .param("owner", w.userId())
            .param("version", version)
            .param("sport", w.sport())
            .param("start", Timestamp.from(w.startTime()))
            .param("day", Date.valueOf(day))
            .param("elapsed", w.elapsedSeconds())
            .param("moving", w.movingSeconds())
            .param("distance", w.distanceMeters())
            .param("climb", w.elevationGainMeters())
            .param("calories", w.calories())
            .param("avgHr", w.averageHeartRate())
            .param("zones", zones == null ? null : arrayText(zones))
            .param("rpe", w.perceivedEffort())
            .param("visibility", w.visibility())
            .param("trimp", load.trimp())
            .param("hrTss", load.hrTss())
            .param("srpe", load.sessionRpe())
            .param("load", load.load())
            .param("method", load.method().apiName())
            .query(
                (rs, n) ->
                    new Change(
                        rs.getBoolean(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getDouble(3),
                        day,
                        load.load()))
            .optional()
            .orElse(null);
    if (change != null) {
      efforts.replace(w, day, !change.inserted());
      meters.counter("stride.analytics.workouts", "method", load.method().apiName()).increment();
    }
    return change;
  }

  /**
   * What a change of the copy did to its owner's daily loads.
   *
   * @param inserted whether the workout is new to the copy
   * @param oldDay the local day it counted on before; null when it did not count
   * @param oldLoad its load there
   * @param day the local day it counts on now; null when it is deleted
   * @param load its load there
   */
  public record Change(
      boolean inserted, LocalDate oldDay, double oldLoad, LocalDate day, double load) {}

  /**
   * Turns the workout into a tombstone.
   *
   * @return what it changed (nothing on any day for a workout not held); null when it was deleted
   *     already
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Change delete(UUID workoutId, UUID ownerId) {
    efforts.delete(workoutId);
    return jdbc.sql(
            """
                with before as (
                    select local_day, coalesce(load, 0) load from workout
                    where workout_id = :id and not deleted)
                insert into workout (workout_id, owner_id, version, deleted)
                select :id, :owner, 9223372036854775807, true
                where not exists (select 1 from erased_user where user_id = :owner)
                on conflict (workout_id) do update set
                    deleted = true, version = excluded.version, sport = null, start_time = null,
                    local_day = null, elapsed_seconds = null, moving_seconds = null,
                    distance_meters = null, elevation_gain = null, calories = null,
                    average_heart_rate = null, zone_seconds = null, perceived_effort = null,
                    visibility = null, trimp = null, hr_tss = null, session_rpe = null,
                    load = null, load_method = null
                where not workout.deleted
                returning (select local_day from before), (select load from before)
                """)
        .param("id", workoutId)
        .param("owner", ownerId)
        .query(
            (rs, n) ->
                new Change(false, rs.getObject(1, LocalDate.class), rs.getDouble(2), null, 0))
        .optional()
        .orElse(null);
  }

  /**
   * The athlete's profile changed what the copies derive (zone, heart rates, sex, birth date):
   * every workout of theirs gets its local day and load again.
   *
   * @return how many workouts were computed again
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int recompute(UUID ownerId, Athlete athlete) {
    List<Object[]> rows = new ArrayList<>();
    jdbc.sql(LOAD_FACTS + " where owner_id = ? and not deleted")
        .param(ownerId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  LocalDate day =
                      rs.getTimestamp("start_time")
                          .toInstant()
                          .atZone(athlete.zone())
                          .toLocalDate();
                  TrainingLoad load = TrainingLoads.of(input(rs, day), athlete);
                  rows.add(
                      new Object[] {
                        Date.valueOf(day),
                        load.trimp(),
                        load.hrTss(),
                        load.sessionRpe(),
                        load.load(),
                        load.method().apiName(),
                        rs.getObject("workout_id", UUID.class)
                      });
                });
    for (Object[] row : rows) {
      jdbc.sql(
              """
              update workout set local_day = ?, trimp = ?, hr_tss = ?, session_rpe = ?, load = ?,
                  load_method = ?
              where workout_id = ?
              """)
          .params(Arrays.asList(row))
          .update();
    }
    efforts.followDays(ownerId);
    return rows.size();
  }

  static LoadInput input(ResultSet rs, LocalDate day) throws SQLException {
    return new LoadInput(
        rs.getLong("duration"),
        rs.getObject("average_heart_rate", Integer.class),
        zones(rs.getArray("zone_seconds")),
        rs.getObject("perceived_effort", Integer.class),
        day);
  }

  static List<Double> zones(Array array) throws SQLException {
    if (array == null) {
      return null;
    }
    Object[] values = (Object[]) array.getArray();
    List<Double> zones = new ArrayList<>(values.length);
    for (Object value : values) {
      zones.add(value == null ? null : ((Number) value).doubleValue());
    }
    return zones;
  }

  private static String arrayText(List<Double> zones) {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < zones.size(); i++) {
      text.append(i == 0 ? "" : ",").append(zones.get(i) == null ? "NULL" : zones.get(i));
    }
    return text.append('}').toString();
  }
}
