package io.stride.analytics.predictions;

import io.stride.contracts.workout.WorkoutSummary;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The running efforts of the athletes' runs, kept with the workout copies. */
@Service
public class BestEffortCopies {

  /** The sport whose efforts predict races: road and track running (trails distort the pace). */
  static final String RUN = "run";

  /** The name of the effort that is the whole run. */
  static final String WHOLE_RUN = "workout";

  private final JdbcClient jdbc;

  BestEffortCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * This state of a workout replaces its efforts (none unless it is a run).
   *
   * @param held whether an earlier state may have efforts (false for a workout new to the copy)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void replace(WorkoutSummary workout, LocalDate day, boolean held) {
    if (held) {
      delete(workout.workoutId());
    }
    if (!RUN.equals(workout.sport())) {
      return;
    }
    for (WorkoutSummary.BestEffort effort :
        workout.bestEfforts() == null
            ? List.<WorkoutSummary.BestEffort>of()
            : workout.bestEfforts()) {
      insert(workout, day, effort.name(), effort.distanceMeters(), effort.elapsedSeconds());
    }
    long seconds =
        workout.movingSeconds() != null ? workout.movingSeconds() : workout.elapsedSeconds();
    if (workout.distanceMeters() != null && seconds > 0) {
      insert(workout, day, WHOLE_RUN, workout.distanceMeters(), seconds);
    }
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void delete(UUID workoutId) {
    jdbc.sql("delete from best_effort where workout_id = ?").param(workoutId).update();
  }

  /** The athlete's workouts moved to other local days (a new zone): their efforts move along. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void followDays(UUID ownerId) {
    jdbc.sql(
            """
            update best_effort e set local_day = w.local_day
            from workout w where w.workout_id = e.workout_id and e.owner_id = ?
            """)
        .param(ownerId)
        .update();
  }

  /** The athlete's efforts from {@code since} on. */
  List<Effort> since(UUID ownerId, LocalDate since) {
    return jdbc.sql(
            """
            select workout_id, name, local_day, distance_meters, elapsed_seconds
            from best_effort where owner_id = ? and local_day >= ?
            """)
        .params(ownerId, Date.valueOf(since))
        .query(
            (rs, n) ->
                new Effort(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getDate(3).toLocalDate(),
                    rs.getDouble(4),
                    rs.getDouble(5)))
        .list();
  }

  private void insert(
      WorkoutSummary workout, LocalDate day, String name, double meters, double seconds) {
    jdbc.sql(
            """
            insert into best_effort (workout_id, name, owner_id, local_day, distance_meters,
                elapsed_seconds)
            values (?, ?, ?, ?, ?, ?) on conflict do nothing
            """)
        .params(workout.workoutId(), name, workout.userId(), Date.valueOf(day), meters, seconds)
        .update();
  }
}
