package io.stride.gamification.erasure;

import io.stride.gamification.standing.Progress;
import io.stride.platform.erasure.PlatformErasure;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything gamification-service holds about a deleted account: its profile copy, its
 * workouts' copies and records, their scores, its progress, badges and what it was told, and the
 * platform rows about it. Nothing is published: every consumer gets UserDeleted itself.
 */
@Service
public class GamificationErasure {

  private static final Logger log = LoggerFactory.getLogger(GamificationErasure.class);

  private static final List<String> DELETES =
      List.of(
          "delete from workout_score where owner_id = :user",
          "delete from personal_record where owner_id = :user",
          "delete from workout where owner_id = :user",
          "delete from badge where user_id = :user",
          "delete from announcement where user_id = :user",
          "delete from progress where user_id = :user",
          "delete from athlete where user_id = :user");

  private final JdbcClient jdbc;
  private final PlatformErasure platform;
  private final Progress progress;

  GamificationErasure(JdbcClient jdbc, PlatformErasure platform, Progress progress) {
    this.jdbc = jdbc;
    this.platform = platform;
    this.progress = progress;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    progress.lock(userId);
    long rows = 0;
    for (String delete : DELETES) {
      rows += jdbc.sql(delete).param("user", userId).update();
    }
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
