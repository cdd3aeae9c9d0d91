package io.stride.workout.erasure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.locks.TransactionLocks;
import io.stride.workout.athletes.Athletes;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything workout-service holds about a user, erased: workouts (with their streams and best
 * efforts, so personal records go too), imports with their stored originals, tracker readings and
 * batches, live workouts, gear, privacy zones, the athlete copy, follower rows on either side,
 * idempotency keys (the platform's and the legacy table), and the outbox rows about the user.
 *
 * <p>The bulky tables go first in batches of {@value #BATCH} rows, each batch its own short
 * transaction, so a user with 10,000 workouts or millions of readings neither holds one huge
 * transaction nor keeps the consumer busy in one statement; what a batch deleted stays deleted, so
 * a redelivery after a crash or rebalance continues where the last one stopped. The rest, small by
 * then, goes in the inbox's transaction with the event id, so the erasure counts as applied only
 * when nothing is left. Erasing again finds nothing: idempotent by nature.
 */
@Service
class UserErasure {

  static final int BATCH = 1_000;

  private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

  /** Owner column per bulky table; a workout's streams and best efforts cascade with it. */
  private static final List<String[]> BULKY =
      List.of(
          new String[] {"workout_import", "owner_id"},
          new String[] {"workout", "owner_id"},
          new String[] {"reading", "user_id"},
          new String[] {"reading_batch", "user_id"});

  /** The rest; imports before workouts, so an import finishing right now is waited for. */
  private static final List<String> REST =
      List.of(
          "delete from workout_import where owner_id = :user",
          "delete from workout where owner_id = :user",
          "delete from gear_default where owner_id = :user",
          "delete from gear where owner_id = :user",
          "delete from best_effort where owner_id = :user",
          "delete from reading where user_id = :user",
          "delete from reading_batch where user_id = :user",
          "delete from reading_day_due where user_id = :user",
          "delete from reading_day_summary where user_id = :user",
          "delete from live_workout where user_id = :user",
          "delete from privacy_zone where owner_id = :user",
          "delete from follower where owner_id = :user or follower_id = :user",
          "delete from follow_version where owner_id = :user or follower_id = :user",
          "delete from athlete where user_id = :user",
          "delete from idempotency_key where owner_id = :user");

  private final JdbcClient jdbc;
  private final TransactionTemplate batches;
  private final PlatformErasure platform;
  private final Timer timer;

  UserErasure(
      JdbcClient jdbc,
      PlatformTransactionManager transactions,
      PlatformErasure platform,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.batches = new TransactionTemplate(transactions);
    this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.platform = platform;
    this.timer =
        Timer.builder("stride.workout.erasure")
            .description("Time to erase everything of one deleted user")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  void erase(UUID userId) {
    timer.record(
        () -> {
          // the same lock as a profile change takes, so none re-creates the athlete meanwhile
          TransactionLocks.hold(jdbc, Athletes.lockName(userId));
          long batched = 0;
          for (String[] table : BULKY) {
            batched += inBatches(table[0], table[1], userId);
          }
          long rest = 0;
          for (String delete : REST) {
            rest += jdbc.sql(delete).param("user", userId).update();
          }
          rest += platform.erase(userId);
          log.info("User {} erased: {} rows in batches, {} more", userId, batched, rest);
        });
  }

  private long inBatches(String table, String ownerColumn, UUID userId) {
    String delete =
        "delete from "
            + table
            + " where ctid = any(array(select ctid from "
            + table
            + " where "
            + ownerColumn
            + " = ? limit "
            + BATCH
            + "))";
    long total = 0;
    int deleted;
    do {
      Integer rows = batches.execute(status -> jdbc.sql(delete).param(userId).update());
      deleted = rows == null ? 0 : rows;
      total += deleted;
    } while (deleted == BATCH);
    return total;
  }
}
