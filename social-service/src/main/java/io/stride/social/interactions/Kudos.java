package io.stride.social.interactions;

import io.stride.contracts.social.KudosGiven;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kudos: one per person and workout, only on workouts the giver may see, never on one's own. Giving
 * twice is one kudos and one {@code KudosGiven}; taking back is silent.
 */
@Service
class Kudos {

  private record After(Instant givenAt, UUID athleteId) {}

  private final JdbcClient jdbc;
  private final WorkoutAccess access;
  private final EventPublisher events;
  private final Clock clock;

  Kudos(JdbcClient jdbc, WorkoutAccess access, EventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  void give(UUID giver, UUID workoutId) {
    UUID owner = access.ownerIfVisible(giver, workoutId);
    if (owner.equals(giver)) {
      throw InvalidRequestException.of(
          "workoutId", "is your own workout: kudos are for other athletes' workouts");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int given =
        jdbc.sql(
                "insert into kudos (workout_id, giver_id, given_at) values (?, ?, ?)"
                    + " on conflict do nothing")
            .params(workoutId, giver, Timestamp.from(now))
            .update();
    if (given == 1) {
      jdbc.sql("update workout set kudos = kudos + 1 where workout_id = ?")
          .param(workoutId)
          .update();
      events.publish(new KudosGiven(workoutId, owner, giver, now));
    }
  }

  @Transactional
  void takeBack(UUID giver, UUID workoutId) {
    int taken =
        jdbc.sql("delete from kudos where workout_id = ? and giver_id = ?")
            .params(workoutId, giver)
            .update();
    if (taken == 1) {
      jdbc.sql("update workout set kudos = greatest(kudos - 1, 0) where workout_id = ?")
          .param(workoutId)
          .update();
    }
  }

  /** Who gave kudos, newest first; nobody in a block with the viewer. */
  @Transactional(readOnly = true)
  Page<KudosGiver> givers(UUID viewer, UUID workoutId, String cursor, int limit) {
    access.ownerIfVisible(viewer, workoutId);
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<KudosGiver> fetched =
        jdbc.sql(
                "select a.user_id, a.display_name, a.avatar_url, k.given_at from kudos k"
                    + " join athlete a on a.user_id = k.giver_id where k.workout_id = :workout"
                    + (after == null ? "" : " and (k.given_at, k.giver_id) < (:at, :after)")
                    + " and not exists (select 1 from block b where (b.blocker_id = :viewer and"
                    + " b.blocked_id = k.giver_id) or (b.blocker_id = k.giver_id and"
                    + " b.blocked_id = :viewer))"
                    + " order by k.given_at desc, k.giver_id desc limit :limit")
            .param("workout", workoutId)
            .param("viewer", viewer)
            .param(
                "at",
                after == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(after.givenAt()))
            .param("after", after == null ? viewer : after.athleteId())
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new KudosGiver(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("avatar_url"),
                        rs.getTimestamp("given_at").toInstant()))
            .list();
    return Page.of(fetched, limit, giver -> Cursor.of(giver.givenAt(), giver.athleteId()));
  }
}
