package io.stride.recommendation.erasure;

import io.stride.platform.erasure.PlatformErasure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything recommendation-service holds about a deleted account: its copies (profile,
 * follows both ways, memberships, workouts, training state), its answers and dismissals, its lists,
 * and its place in everyone else's lists.
 */
@Service
public class RecommendationErasure {

  private static final Logger log = LoggerFactory.getLogger(RecommendationErasure.class);

  private final JdbcClient jdbc;
  private final PlatformErasure platform;

  RecommendationErasure(JdbcClient jdbc, PlatformErasure platform) {
    this.jdbc = jdbc;
    this.platform = platform;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    long rows = 0;
    // First: waits for a refresher recomputing this athlete's lists right now (it holds the row),
    // so the lists it writes are committed, and seen and deleted below; none starts after this.
    rows += delete("delete from refresh where user_id = ?", userId);
    rows += delete("delete from suggestion where user_id = ?", userId);
    rows += delete("delete from suggestion where kind = 'person' and target_id = ?", userId);
    rows += delete("delete from dismissal where user_id = ?", userId);
    rows += delete("delete from dismissal where kind = 'person' and target_id = ?", userId);
    rows += delete("delete from training_suggestion where user_id = ?", userId);
    rows += delete("delete from training_feedback where user_id = ?", userId);
    rows += delete("delete from training_state where user_id = ?", userId);
    rows += delete("delete from workout where user_id = ?", userId);
    rows += delete("delete from departure where athlete_id = ?", userId);
    rows += delete("delete from challenge_participant where athlete_id = ?", userId);
    rows += delete("delete from club_member where athlete_id = ?", userId);
    rows += delete("delete from follow where follower_id = ? or user_id = ?", userId, userId);
    rows += delete("delete from athlete where user_id = ?", userId);
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }

  private int delete(String sql, Object... params) {
    return jdbc.sql(sql).params(params).update();
  }
}
