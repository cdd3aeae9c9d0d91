package io.stride.gamification.standing;

import io.stride.gamification.athletes.Athletes;
import io.stride.gamification.badges.BadgeRegistry;
import io.stride.gamification.scoring.Levels;
import io.stride.gamification.standing.ProgressResponses.BadgeCatalogue;
import io.stride.gamification.standing.ProgressResponses.BadgeDescription;
import io.stride.gamification.standing.ProgressResponses.HeldBadge;
import io.stride.gamification.standing.ProgressResponses.MyBadges;
import io.stride.gamification.standing.ProgressResponses.MyProgress;
import io.stride.gamification.standing.ProgressResponses.StreakView;
import io.stride.gamification.standing.ProgressResponses.Streaks;
import io.stride.gamification.standing.ProgressResponses.WorkoutScore;
import io.stride.gamification.streaks.DailyStreaks;
import io.stride.gamification.streaks.WeeklyStreaks;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of an athlete's standing, streaks brought up to now on their own clock. */
@Component
class ProgressViews {

  /** The key a page of workouts continues after. */
  record After(LocalDate day, UUID workoutId) {}

  private static final Streaks NO_STREAKS =
      new Streaks(
          new StreakView(0, null, null, 0, 0, null), new StreakView(0, null, null, 0, 0, null));

  /** A granted badge {@code g} that the history does not earn too (as tier 0). */
  private static final String NOT_EARNED =
      "not exists (select 1 from badge b where b.user_id = g.user_id and b.badge = g.badge"
          + " and b.tier = 0)";

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final BadgeRegistry badges;
  private final Clock clock;

  ProgressViews(JdbcClient jdbc, Athletes athletes, BadgeRegistry badges, Clock clock) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.badges = badges;
    this.clock = clock;
  }

  MyProgress progress(UUID userId) {
    LocalDate today = today(userId);
    int inReview =
        jdbc.sql("select count(*) from workout_score where owner_id = ? and status = 'REVIEW'")
            .param(userId)
            .query(Integer.class)
            .single();
    int held =
        jdbc.sql(
                "select (select count(*) from badge where user_id = :user)"
                    + " + (select count(*) from granted_badge g where g.user_id = :user and "
                    + NOT_EARNED
                    + ")")
            .param("user", userId)
            .query(Integer.class)
            .single();
    return jdbc.sql("select * from progress where user_id = ?")
        .param(userId)
        .query((rs, row) -> progress(rs, today, inReview, held))
        .optional()
        .orElseGet(() -> new MyProgress(0, 1, 0, Levels.next(1), 0, inReview, held, NO_STREAKS));
  }

  /** The streaks alone: the progress row, without counting reviews and badges. */
  Streaks streaks(UUID userId) {
    LocalDate today = today(userId);
    return jdbc.sql("select * from progress where user_id = ?")
        .param(userId)
        .query((rs, row) -> new Streaks(daily(rs, today), weekly(rs, today)))
        .optional()
        .orElse(NO_STREAKS);
  }

  /** Today on the athlete's own clock. */
  private LocalDate today(UUID userId) {
    return LocalDate.now(clock.withZone(athletes.find(userId).zone()));
  }

  /**
   * The badges held: those the history earns and those promotions granted (tier 0, no workout,
   * earned when granted); a granted badge the history earns too is shown once, as earned.
   */
  MyBadges badgesOf(UUID userId) {
    return new MyBadges(
        jdbc.sql(
                "select badge, tier, title, workout_id, earned_at from badge where user_id = :user"
                    + " union all select g.badge, 0, g.title, cast(null as uuid), g.granted_at"
                    + " from granted_badge g where g.user_id = :user and "
                    + NOT_EARNED
                    + " order by earned_at desc, badge, tier desc")
            .param("user", userId)
            .query(
                (rs, row) ->
                    new HeldBadge(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getTimestamp(5).toInstant()))
            .list());
  }

  BadgeCatalogue catalogue() {
    return new BadgeCatalogue(
        badges.kinds().stream()
            .map(k -> new BadgeDescription(k.badge(), k.description(), k.tiers()))
            .toList());
  }

  Optional<WorkoutScore> score(UUID userId, UUID workoutId) {
    return jdbc.sql(
            "select workout_id, local_date, base_points, points, status, reasons"
                + " from workout_score where owner_id = ? and workout_id = ?")
        .params(userId, workoutId)
        .query(ProgressViews::score)
        .optional();
  }

  Page<WorkoutScore> scores(UUID userId, String status, After after, int limit) {
    String sql =
        "select workout_id, local_date, base_points, points, status, reasons from workout_score"
            + " where owner_id = :user"
            + (status == null ? "" : " and status = :status")
            + (after == null
                ? ""
                : " and (local_date, workout_id) < (cast(:day as date), cast(:id as uuid))")
            + " order by local_date desc, workout_id desc limit :limit";
    var query = jdbc.sql(sql).param("user", userId).param("limit", limit + 1);
    if (status != null) {
      query = query.param("status", status);
    }
    if (after != null) {
      query = query.param("day", after.day().toString()).param("id", after.workoutId());
    }
    return Page.of(
        query.query(ProgressViews::score).list(),
        limit,
        s -> Cursor.of(s.localDate().toString(), s.workoutId()));
  }

  static After after(String cursor) {
    return Cursor.decode(cursor, key -> new After(LocalDate.parse(key.text()), key.uuid()));
  }

  private static WorkoutScore score(ResultSet rs, int row) throws SQLException {
    String reasons = rs.getString("reasons");
    return new WorkoutScore(
        rs.getObject("workout_id", UUID.class),
        rs.getObject("local_date", LocalDate.class),
        rs.getInt("base_points"),
        rs.getInt("points"),
        rs.getString("status").toLowerCase(java.util.Locale.ROOT),
        reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")));
  }

  private static MyProgress progress(ResultSet rs, LocalDate today, int inReview, int held)
      throws SQLException {
    int level = rs.getInt("level");
    return new MyProgress(
        rs.getLong("points"),
        level,
        Levels.threshold(level),
        Levels.next(level),
        rs.getInt("workouts_counted"),
        inReview,
        held,
        new Streaks(daily(rs, today), weekly(rs, today)));
  }

  /**
   * The daily streak is alive while the days missed since its last day (today not yet missed) are
   * covered by its tokens; rest days are not counted by this view, so it can call a streak broken
   * that the next workout's fold keeps (it then shows again).
   */
  private static StreakView daily(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate last = rs.getObject("daily_last", LocalDate.class);
    int tokens = rs.getInt("freeze_tokens");
    int longest = rs.getInt("daily_longest");
    if (last == null) {
      return new StreakView(0, null, null, longest, 0, null);
    }
    int missed = last.isBefore(today) ? DailyStreaks.missedDays(last, today, d -> false) : 0;
    if (missed > tokens) {
      return new StreakView(0, null, last, longest, 0, null);
    }
    int left = tokens - missed;
    return new StreakView(
        rs.getInt("daily_length"),
        rs.getObject("daily_start", LocalDate.class),
        last,
        longest,
        left,
        (last.isBefore(today) ? today : last.plusDays(1)).plusDays(left));
  }

  private static StreakView weekly(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate last = rs.getObject("weekly_last", LocalDate.class);
    int longest = rs.getInt("weekly_longest");
    if (last == null) {
      return new StreakView(0, null, null, longest, 0, null);
    }
    DayOfWeek firstDay = last.getDayOfWeek();
    LocalDate thisWeek = WeeklyStreaks.weekOf(today, firstDay);
    if (last.isBefore(thisWeek.minusWeeks(1))) {
      return new StreakView(0, null, last, longest, 0, null);
    }
    LocalDate due = last.equals(thisWeek) ? thisWeek.plusWeeks(2) : thisWeek.plusWeeks(1);
    return new StreakView(
        rs.getInt("weekly_length"),
        rs.getObject("weekly_start", LocalDate.class),
        last,
        longest,
        0,
        due.minusDays(1));
  }
}
