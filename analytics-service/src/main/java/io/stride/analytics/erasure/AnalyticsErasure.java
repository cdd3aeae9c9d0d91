package io.stride.analytics.erasure;

import io.stride.analytics.fitness.TrainingState;
import io.stride.platform.erasure.PlatformErasure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything analytics-service holds about a deleted account: its profile copy, its
 * workouts' copies with their loads, and the platform rows about it. Nothing is published: every
 * consumer gets UserDeleted itself.
 */
@Service
public class AnalyticsErasure {

  private static final Logger log = LoggerFactory.getLogger(AnalyticsErasure.class);

  private final JdbcClient jdbc;
  private final PlatformErasure platform;
  private final TrainingState state;

  AnalyticsErasure(JdbcClient jdbc, PlatformErasure platform, TrainingState state) {
    this.jdbc = jdbc;
    this.platform = platform;
    this.state = state;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    state.lock(userId);
    long rows = jdbc.sql("delete from best_effort where owner_id = ?").param(userId).update();
    rows += jdbc.sql("delete from workout where owner_id = ?").param(userId).update();
    rows += jdbc.sql("delete from daily_reading where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from training_state where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from athlete where user_id = ?").param(userId).update();
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
