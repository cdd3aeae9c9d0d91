package io.stride.gamification.erasure;

import io.stride.gamification.leaderboards.Boards;
import io.stride.gamification.standing.Progress;
import io.stride.platform.erasure.PlatformErasure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything gamification-service holds about a deleted account: its profile copy, its
 * workouts' copies and records, their scores, its progress, badges (earned and granted by
 * promotions) and what it was told, its challenge places (challenges it created stay, without its
 * name), board entries, club memberships and follows, and the platform rows about it. Nothing is
 * published: every consumer gets UserDeleted itself.
 */
@Service
public class GamificationErasure {

  private static final Logger log = LoggerFactory.getLogger(GamificationErasure.class);

  private static final List<String> DELETES =
      List.of(
          "update challenge c set participants = greatest(participants - 1, 0)"
              + " where exists (select 1 from challenge_participant p"
              + " where p.challenge_id = c.challenge_id and p.athlete_id = :user)",
          "delete from challenge_participant where athlete_id = :user",
          "update challenge set created_by = '00000000-0000-0000-0000-000000000000'"
              + " where created_by = :user",
          "delete from club_member where athlete_id = :user",
          "delete from follow where follower_id = :user or user_id = :user",
          "delete from workout_score where owner_id = :user",
          "delete from personal_record where owner_id = :user",
          "delete from workout where owner_id = :user",
          "delete from badge where user_id = :user",
          "delete from granted_badge where user_id = :user",
          "delete from announcement where user_id = :user",
          "delete from progress where user_id = :user",
          "delete from athlete where user_id = :user");

  private final JdbcClient jdbc;
  private final PlatformErasure platform;
  private final Progress progress;
  private final Boards boards;

  GamificationErasure(JdbcClient jdbc, PlatformErasure platform, Progress progress, Boards boards) {
    this.jdbc = jdbc;
    this.platform = platform;
    this.progress = progress;
    this.boards = boards;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    progress.lock(userId);
    boards.replace(userId, Map.of());
    long rows = 0;
    for (String delete : DELETES) {
      rows += jdbc.sql(delete).param("user", userId).update();
    }
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
