package io.stride.promo.athletes;

import io.stride.promo.rules.AthleteFacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The athlete as the eligibility rules see it: registration, region, level, workouts, longest daily
 * streak, sports recorded, challenges completed, badges earned. Fed by events, each write
 * idempotent (the inbox runs a handler once per event) and monotonic where it can be.
 */
@Repository
public class AthleteCopies {

  private final JdbcClient jdbc;

  AthleteCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public AthleteFacts facts(UUID user) {
    AthleteFacts base =
        jdbc.sql(
                "select registered_at, region, level, workouts_recorded, longest_daily_streak"
                    + " from athlete where user_id = ?")
            .param(user)
            .query(
                (rs, row) -> {
                  Timestamp registered = rs.getTimestamp(1);
                  return new AthleteFacts(
                      registered == null ? null : registered.toInstant(),
                      rs.getString(2),
                      rs.getInt(3),
                      rs.getInt(4),
                      rs.getInt(5),
                      Set.of(),
                      Set.of(),
                      Set.of());
                })
            .optional()
            .orElse(AthleteFacts.unknown());
    Set<String> sports = new HashSet<>();
    Set<String> challenges = new HashSet<>();
    Set<String> badges = new HashSet<>();
    jdbc.sql("select kind, ref from athlete_fact where user_id = ?")
        .param(user)
        .query(
            (RowCallbackHandler)
                rs -> {
                  switch (rs.getString(1)) {
                    case "sport" -> sports.add(rs.getString(2));
                    case "challenge" -> challenges.add(rs.getString(2));
                    default -> badges.add(rs.getString(2));
                  }
                });
    return new AthleteFacts(
        base.registeredAt(),
        base.region(),
        base.level(),
        base.workoutsRecorded(),
        base.longestDailyStreak(),
        sports,
        challenges,
        badges);
  }

  public void registered(UUID user, Instant at) {
    ensure(user);
    jdbc.sql("update athlete set registered_at = ? where user_id = ?")
        .params(Timestamp.from(at), user)
        .update();
  }

  /** The profile's region, unless an older profile version arrives after a newer one. */
  public void region(UUID user, String region, long version) {
    ensure(user);
    jdbc.sql(
            "update athlete set region = ?, profile_version = ? where user_id = ?"
                + " and profile_version < ?")
        .params(region, version, user, version)
        .update();
  }

  /**
   * One more workout recorded, of {@code sport}.
   *
   * @return the workouts recorded now (1 for the first)
   */
  public int workoutRecorded(UUID user, String sport) {
    ensure(user);
    fact(user, "sport", sport);
    return jdbc.sql(
            "update athlete set workouts_recorded = workouts_recorded + 1 where user_id = ?"
                + " returning workouts_recorded")
        .param(user)
        .query(Integer.class)
        .single();
  }

  public void level(UUID user, int level) {
    ensure(user);
    jdbc.sql("update athlete set level = greatest(level, ?) where user_id = ?")
        .params(level, user)
        .update();
  }

  public void dailyStreak(UUID user, int length) {
    ensure(user);
    jdbc.sql(
            "update athlete set longest_daily_streak = greatest(longest_daily_streak, ?)"
                + " where user_id = ?")
        .params(length, user)
        .update();
  }

  public void challengeCompleted(UUID user, UUID challenge) {
    ensure(user);
    fact(user, "challenge", challenge.toString());
  }

  public void badgeEarned(UUID user, String badge) {
    ensure(user);
    fact(user, "badge", badge);
  }

  private void ensure(UUID user) {
    jdbc.sql("insert into athlete (user_id) values (?) on conflict do nothing")
        .param(user)
        .update();
  }

  private void fact(UUID user, String kind, String ref) {
    jdbc.sql(
            "insert into athlete_fact (user_id, kind, ref) values (?, ?, ?) on conflict do nothing")
        .params(user, kind, ref)
        .update();
  }
}
