package io.stride.workout.records;

import io.stride.platform.locks.TransactionLocks;
import io.stride.workout.metrics.ActivityMetrics.BestEffortEntry;
import io.stride.workout.metrics.Sport;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Best efforts per workout, and personal records as the fastest of them per sport family (all runs
 * compete with each other, all outdoor rides with each other). A workout's efforts are stored with
 * it and go when it is deleted, so records always reflect the workouts that exist.
 */
@Component
public class PersonalRecords {

  /** A best effort that beat the previous record; {@code previousSeconds} null for a first. */
  public record NewRecord(String effort, double meters, double seconds, Double previousSeconds) {}

  private final JdbcClient jdbc;

  PersonalRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Drops a workout's stored efforts before they are computed again. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forget(UUID workoutId) {
    jdbc.sql("delete from best_effort where workout_id = ?").param(workoutId).update();
  }

  /**
   * Stores the workout's best efforts and returns those faster than every earlier effort of the
   * athlete at that distance. Runs in the caller's transaction, under a per-athlete lock, so two
   * workouts saved at once cannot both claim the same record.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<NewRecord> store(
      UUID owner, UUID workoutId, Sport sport, Instant start, List<BestEffortEntry> efforts) {
    List<NewRecord> records = new ArrayList<>();
    if (efforts.isEmpty()) {
      return records;
    }
    TransactionLocks.hold(jdbc, "records:" + owner);
    String family = sport.family().name();
    for (BestEffortEntry effort : efforts) {
      Double previous =
          jdbc.sql(
                  "select min(seconds) from best_effort"
                      + " where owner_id = ? and family = ? and effort = ?")
              .params(owner, family, effort.name())
              .query((rs, row) -> rs.getObject(1, Double.class))
              .list()
              .get(0);
      jdbc.sql(
              "insert into best_effort (workout_id, owner_id, family, effort, meters, seconds,"
                  + " start_time) values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              workoutId,
              owner,
              family,
              effort.name(),
              effort.meters(),
              effort.seconds(),
              OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
          .update();
      if (previous == null || effort.seconds() < previous) {
        records.add(new NewRecord(effort.name(), effort.meters(), effort.seconds(), previous));
      }
    }
    return records;
  }
}
