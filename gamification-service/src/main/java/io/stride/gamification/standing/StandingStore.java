package io.stride.gamification.standing;

import io.stride.gamification.badges.EarnedBadge;
import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.streaks.Streak;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a standing over the one stored: only the scores and badges that changed, so a new workout
 * of an athlete with a long history writes a handful of rows, not all of them.
 */
@Component
class StandingStore {

  /** A score as stored. */
  private record StoredScore(LocalDate day, int base, int points, String status, String reasons) {}

  /** A badge as stored. */
  private record StoredBadge(String title, UUID workoutId, Timestamp earnedAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  StandingStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void save(UUID userId, Standing standing) {
    saveScores(userId, standing.scores());
    saveProgress(userId, standing);
    saveBadges(userId, standing.badges());
  }

  private void saveScores(UUID userId, List<ScoredWorkout> scores) {
    Map<UUID, StoredScore> stored = new HashMap<>();
    jdbc.sql(
            "select workout_id, local_date, base_points, points, status, reasons"
                + " from workout_score where owner_id = ?")
        .param(userId)
        .query(
            rs -> {
              stored.put(
                  rs.getObject(1, UUID.class),
                  new StoredScore(
                      rs.getObject(2, LocalDate.class),
                      rs.getInt(3),
                      rs.getInt(4),
                      rs.getString(5),
                      rs.getString(6)));
            });
    List<Object[]> upserts = new ArrayList<>();
    for (ScoredWorkout score : scores) {
      UUID id = score.workout().workoutId();
      StoredScore now =
          new StoredScore(
              score.localDate(),
              score.basePoints(),
              score.points(),
              score.counted() ? "COUNTED" : "REVIEW",
              String.join(",", score.reasons()));
      if (!now.equals(stored.remove(id))) {
        upserts.add(
            new Object[] {
              id,
              userId,
              Date.valueOf(now.day()),
              now.base(),
              now.points(),
              now.status(),
              now.reasons()
            });
      }
    }
    if (!upserts.isEmpty()) {
      template.batchUpdate(
          """
          insert into workout_score (workout_id, owner_id, local_date, base_points, points,
                                     status, reasons)
          values (?, ?, ?, ?, ?, ?, ?)
          on conflict (workout_id) do update set local_date = excluded.local_date,
              base_points = excluded.base_points, points = excluded.points,
              status = excluded.status, reasons = excluded.reasons
          """,
          upserts);
    }
    if (!stored.isEmpty()) {
      template.batchUpdate(
          "delete from workout_score where workout_id = ?",
          stored.keySet().stream().map(gone -> new Object[] {gone}).toList());
    }
  }

  private void saveProgress(UUID userId, Standing s) {
    Streak d = s.daily();
    Streak w = s.weekly();
    jdbc.sql(
            """
            insert into progress (user_id, points, level, workouts_counted, daily_length,
                daily_start, daily_last, daily_longest, freeze_tokens, weekly_length,
                weekly_start, weekly_last, weekly_longest)
            values (:user, :points, :level, :counted, :dLength, :dStart, :dLast, :dLongest,
                :tokens, :wLength, :wStart, :wLast, :wLongest)
            on conflict (user_id) do update set points = excluded.points,
                level = excluded.level, workouts_counted = excluded.workouts_counted,
                daily_length = excluded.daily_length, daily_start = excluded.daily_start,
                daily_last = excluded.daily_last, daily_longest = excluded.daily_longest,
                freeze_tokens = excluded.freeze_tokens, weekly_length = excluded.weekly_length,
                weekly_start = excluded.weekly_start, weekly_last = excluded.weekly_last,
                weekly_longest = excluded.weekly_longest
            """)
        .param("user", userId)
        .param("points", s.points())
        .param("level", s.level())
        .param("counted", s.workoutsCounted())
        .param("dLength", d.length())
        .param("dStart", date(d.start()))
        .param("dLast", date(d.last()))
        .param("dLongest", d.longest())
        .param("tokens", d.freezeTokens())
        .param("wLength", w.length())
        .param("wStart", date(w.start()))
        .param("wLast", date(w.last()))
        .param("wLongest", w.longest())
        .update();
  }

  private void saveBadges(UUID userId, List<EarnedBadge> badges) {
    Map<String, StoredBadge> stored = new HashMap<>();
    jdbc.sql("select badge, tier, title, workout_id, earned_at from badge where user_id = ?")
        .param(userId)
        .query(
            rs -> {
              stored.put(
                  rs.getString(1) + ":" + rs.getInt(2),
                  new StoredBadge(
                      rs.getString(3), rs.getObject(4, UUID.class), rs.getTimestamp(5)));
            });
    Set<String> kept = new HashSet<>();
    for (EarnedBadge badge : badges) {
      String key = badge.badge() + ":" + badge.tier();
      kept.add(key);
      StoredBadge now =
          new StoredBadge(badge.title(), badge.workoutId(), Timestamp.from(badge.earnedAt()));
      if (!Objects.equals(now, stored.get(key))) {
        jdbc.sql(
                """
                insert into badge (user_id, badge, tier, title, workout_id, earned_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id, badge, tier) do update set title = excluded.title,
                    workout_id = excluded.workout_id, earned_at = excluded.earned_at
                """)
            .params(
                userId,
                badge.badge(),
                badge.tier(),
                badge.title(),
                badge.workoutId(),
                now.earnedAt())
            .update();
      }
    }
    for (String lost : stored.keySet()) {
      if (!kept.contains(lost)) {
        int colon = lost.lastIndexOf(':');
        jdbc.sql("delete from badge where user_id = ? and badge = ? and tier = ?")
            .params(userId, lost.substring(0, colon), Integer.parseInt(lost.substring(colon + 1)))
            .update();
      }
    }
  }

  private static Date date(LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
