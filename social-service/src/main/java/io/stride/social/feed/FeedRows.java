package io.stride.social.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.contracts.workout.WorkoutSummary;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the home feed (fan-out on write, ADR 0026): the workout copy, and one row per reader who
 * may see it in their feed, the owner and each approved follower, as its visibility allows (public
 * and followers-only; a private workout only in the owner's). An owner with more followers than the
 * fan-out limit gets only their own row; followers read such an account's workouts from the copy
 * when they open the feed. Every change runs in the transaction of the event or the follow that
 * causes it.
 */
@Service
public class FeedRows {

  /** The workouts of an athlete a new follower finds in their feed at once. */
  static final int BACKFILL = 20;

  private final JdbcClient jdbc;
  private final PersonalRecords records;
  private final long fanOutLimit;
  private final Timer fanOut;
  private final Counter rowsWritten;

  FeedRows(
      JdbcClient jdbc,
      PersonalRecords records,
      MeterRegistry meters,
      @Value("${stride.social.feed.fan-out-limit:10000}") long fanOutLimit) {
    this.jdbc = jdbc;
    this.records = records;
    this.fanOutLimit = fanOutLimit;
    this.fanOut =
        Timer.builder("stride.social.feed.fanout")
            .description("Writing one workout's feed rows: its owner's and each follower's")
            .publishPercentileHistogram()
            .register(meters);
    this.rowsWritten =
        Counter.builder("stride.social.feed.rows")
            .description("Feed rows written by fan-out (one per reader and workout)")
            .register(meters);
  }

  long fanOutLimit() {
    return fanOutLimit;
  }

  /**
   * A workout recorded ({@code version} 0) or changed: kept if newer than the copy, then its feed
   * rows follow its visibility. False when the event was older than the copy (nothing changed).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(WorkoutSummary workout, long version) {
    int newer =
        jdbc.sql(
                """
                insert into workout (workout_id, owner_id, sport, title, start_time,
                    elapsed_seconds, moving_seconds, distance_m, elevation_gain_m, visibility,
                    version)
                select :id, :owner, :sport, :title, :start, :elapsed, :moving, :distance,
                    :climb, :visibility, :version
                where not exists (select 1 from erased_user where user_id = :owner)
                on conflict (workout_id) do update set
                    sport = excluded.sport, title = excluded.title,
                    start_time = excluded.start_time, elapsed_seconds = excluded.elapsed_seconds,
                    moving_seconds = excluded.moving_seconds, distance_m = excluded.distance_m,
                    elevation_gain_m = excluded.elevation_gain_m,
                    visibility = excluded.visibility, version = excluded.version
                where workout.version < excluded.version and not workout.deleted
                """)
            .param("id", workout.workoutId())
            .param("owner", workout.userId())
            .param("sport", workout.sport())
            .param("title", workout.title())
            .param("start", Timestamp.from(workout.startTime()))
            .param("elapsed", workout.elapsedSeconds())
            .param("moving", workout.movingSeconds())
            .param("distance", workout.distanceMeters())
            .param("climb", workout.elevationGainMeters())
            .param("visibility", workout.visibility())
            .param("version", version)
            .update();
    if (newer == 0) {
      return false;
    }
    fanOut.record(
        () -> {
          if (version == 0) {
            firstFanOut(workout.workoutId());
          } else {
            refan(workout.workoutId());
          }
        });
    return true;
  }

  /** A deleted workout leaves every feed; its copy stays as a tombstone. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void delete(UUID workoutId, UUID owner) {
    jdbc.sql(
            """
            insert into workout (workout_id, owner_id, sport, start_time, elapsed_seconds,
                visibility, version, deleted)
            values (:id, :owner, 'other', now(), 0, 'private', :max, true)
            on conflict (workout_id) do update set deleted = true, version = :max
            """)
        .param("id", workoutId)
        .param("owner", owner)
        .param("max", Long.MAX_VALUE)
        .update();
    jdbc.sql("delete from feed_item where workout_id = ?").param(workoutId).update();
    // its kudos and comments go with it
    jdbc.sql("delete from kudos where workout_id = ?").param(workoutId).update();
    jdbc.sql("delete from comment where workout_id = ?").param(workoutId).update();
    records.delete(workoutId);
  }

  /** After a follow began: the athlete's recent workouts the new follower may see. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void followed(UUID follower, UUID owner) {
    jdbc.sql(
            """
            insert into feed_item (reader_id, workout_id, owner_id, start_time)
            select :follower, w.workout_id, w.owner_id, w.start_time from workout w
            where w.owner_id = :owner and not w.deleted
              and w.visibility in ('public', 'followers')
            order by w.start_time desc limit :backfill
            on conflict do nothing
            """)
        .param("follower", follower)
        .param("owner", owner)
        .param("backfill", BACKFILL)
        .update();
  }

  /** After a follow ended (unfollow, removal, block): the athlete leaves the follower's feed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void unfollowed(UUID follower, UUID owner) {
    jdbc.sql("delete from feed_item where reader_id = ? and owner_id = ?")
        .params(follower, owner)
        .update();
  }

  /**
   * The rows a workout gives: its owner's always, and each approved follower's while it is public
   * or followers-only and its owner is small enough to fan out (above the limit followers pull).
   */
  private static final String READERS =
      """
      insert into feed_item (reader_id, workout_id, owner_id, start_time)
      select w.owner_id, w.workout_id, w.owner_id, w.start_time from workout w
      where w.workout_id = :id and not w.deleted
      union all
      select f.follower_id, w.workout_id, w.owner_id, w.start_time
      from workout w
      join athlete a on a.user_id = w.owner_id and a.followers <= :limit
      join follow f on f.user_id = w.owner_id and f.status = 'APPROVED'
      where w.workout_id = :id and not w.deleted
        and w.visibility in ('public', 'followers')
      """;

  /**
   * A workout just recorded (its copy new: a recording never applies over an update, which has a
   * higher version): no rows of it exist yet, so one statement writes them, nothing to delete or
   * update first.
   */
  private void firstFanOut(UUID workoutId) {
    write(workoutId, READERS + " on conflict do nothing");
  }

  /**
   * The feed rows of one workout, again from its copy, its owner's followers and its visibility.
   */
  private void refan(UUID workoutId) {
    jdbc.sql(
            """
            delete from feed_item i using workout w
            where i.workout_id = :id and w.workout_id = :id and i.reader_id <> w.owner_id
              and (w.visibility not in ('public', 'followers') or w.deleted)
            """)
        .param("id", workoutId)
        .update();
    write(
        workoutId,
        READERS
            + " on conflict (reader_id, workout_id) do update set start_time = excluded.start_time");
  }

  private void write(UUID workoutId, String statement) {
    int rows = jdbc.sql(statement).param("id", workoutId).param("limit", fanOutLimit).update();
    rowsWritten.increment(rows);
  }
}
