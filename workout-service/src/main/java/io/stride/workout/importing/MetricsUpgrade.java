package io.stride.workout.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.workout.activity.RecordedActivity;
import io.stride.workout.importing.formats.UnreadableFileException;
import io.stride.workout.metrics.Sport;
import io.stride.workout.metrics.WorkoutMetrics;
import io.stride.workout.workouts.WorkoutRecordings;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes imported workouts whose metrics are older than {@link WorkoutMetrics#VERSION} from
 * their original files, in the background, newest first, one workout per transaction: what the
 * athlete set (title, notes, sport, visibility) stays, a record the workout still holds is not
 * announced again. Every replica takes part; {@code for update skip locked} gives each workout to
 * one of them. An original that no longer reads is marked current and counted, never retried
 * forever. {@code stride.workout.metrics-upgrade.enabled=false} turns it off.
 */
@Component
@ConditionalOnProperty(
    name = "stride.workout.metrics-upgrade.enabled",
    havingValue = "true",
    matchIfMissing = true)
class MetricsUpgrade {

  private static final Logger log = LoggerFactory.getLogger(MetricsUpgrade.class);

  /** Workouts per run; the next run goes on where this one stopped. */
  static final int PER_RUN = 200;

  private record Outdated(UUID id, UUID owner, UUID importId, String sport) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final OriginalFiles originals;
  private final WorkoutRecordings recordings;
  private final Counter upgraded;
  private final Counter unreadable;
  private final Counter failed;

  MetricsUpgrade(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      OriginalFiles originals,
      WorkoutRecordings recordings,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.originals = originals;
    this.recordings = recordings;
    this.upgraded = counter(meters, "upgraded");
    this.unreadable = counter(meters, "unreadable");
    this.failed = counter(meters, "failed");
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("stride.workout.metrics.upgrades")
        .description("Imported workouts recomputed from their originals after the metrics changed")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Scheduled(
      initialDelayString = "${stride.workout.metrics-upgrade.initial-delay:PT30S}",
      fixedDelayString = "${stride.workout.metrics-upgrade.interval:PT1M}")
  void run() {
    try {
      upgradeOutdated(PER_RUN);
    } catch (RuntimeException e) {
      log.warn("Upgrading workouts' metrics stopped; the next run goes on", e);
    }
  }

  /**
   * Upgrades up to {@code limit} workouts; how many it took on. A workout whose recomputation fails
   * for another reason is marked current in a transaction of its own, logged with its id (the
   * owner's reprocess endpoint can try it again) and counted as failed, so it never blocks the ones
   * behind it.
   */
  int upgradeOutdated(int limit) {
    int done = 0;
    UUID[] current = new UUID[1];
    while (done < limit) {
      current[0] = null;
      try {
        if (!Boolean.TRUE.equals(transactions.execute(status -> upgradeOne(current)))) {
          break;
        }
      } catch (RuntimeException e) {
        if (current[0] == null) {
          throw e;
        }
        log.error("Recomputing workout {} failed; it is left as it was", current[0], e);
        UUID failedId = current[0];
        transactions.executeWithoutResult(status -> markCurrent(failedId));
        failed.increment();
      }
      done++;
    }
    return done;
  }

  private void markCurrent(UUID workoutId) {
    jdbc.sql("update workout set metrics_version = ? where id = ?")
        .params(WorkoutMetrics.VERSION, workoutId)
        .update();
  }

  /** One outdated workout, locked for this transaction; false when there is none left. */
  private boolean upgradeOne(UUID[] current) {
    Outdated workout =
        jdbc.sql(
                "select id, owner_id, import_id, sport from workout"
                    + " where import_id is not null and metrics_version < ?"
                    + " order by start_time desc limit 1 for update skip locked")
            .param(WorkoutMetrics.VERSION)
            .query(
                (rs, row) ->
                    new Outdated(
                        rs.getObject("id", UUID.class),
                        rs.getObject("owner_id", UUID.class),
                        rs.getObject("import_id", UUID.class),
                        rs.getString("sport")))
            .optional()
            .orElse(null);
    if (workout == null) {
      return false;
    }
    current[0] = workout.id();
    RecordedActivity activity;
    try {
      activity =
          originals.reread(workout.owner(), workout.importId(), Sport.valueOf(workout.sport()));
    } catch (UnreadableFileException e) {
      log.warn("The original of workout {} no longer reads: {}", workout.id(), e.getMessage());
      markCurrent(workout.id());
      unreadable.increment();
      return true;
    }
    recordings.replace(workout.id(), activity, false);
    upgraded.increment();
    return true;
  }
}
