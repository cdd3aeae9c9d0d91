package io.stride.social.erasure;

import io.stride.contracts.social.ClubRoleChanged;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.locks.TransactionLocks;
import io.stride.social.athletes.Athletes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything social-service holds about a deleted account: its athlete copy, every follow,
 * request, block and mute on either side, its workouts' copies, every feed row of or about it, its
 * kudos and comments (and those on its workouts) and its mentions, and the platform rows about it.
 * Only a club's new owner is published (ClubRoleChanged): every consumer of the graph gets
 * UserDeleted itself and erases its own copies.
 */
@Service
public class SocialErasure {

  private static final Logger log = LoggerFactory.getLogger(SocialErasure.class);

  private static final List<String> DELETES_BEFORE_HEIRS =
      List.of(
          "update athlete set followers = greatest(followers - 1, 0) where user_id in (select"
              + " user_id from follow where follower_id = :user and status = 'APPROVED')",
          "delete from follow where follower_id = :user or user_id = :user",
          "delete from feed_item where reader_id = :user",
          "delete from feed_item where workout_id in"
              + " (select workout_id from workout where owner_id = :user)",
          "update workout set kudos = greatest(kudos - 1, 0) where workout_id in (select"
              + " workout_id from kudos where giver_id = :user)",
          "update workout set comments = greatest(comments - c.n, 0) from (select workout_id,"
              + " count(*) n from comment where author_id = :user group by workout_id) c where"
              + " workout.workout_id = c.workout_id",
          "delete from kudos where giver_id = :user"
              + " or workout_id in (select workout_id from workout where owner_id = :user)",
          "delete from comment where author_id = :user"
              + " or workout_id in (select workout_id from workout where owner_id = :user)",
          "delete from comment_mention where athlete_id = :user",
          "update club set members = greatest(members - 1, 0) where club_id in (select club_id"
              + " from club_member where athlete_id = :user and status = 'ACTIVE')",
          "delete from club_member where athlete_id = :user");

  /**
   * A club left without an owner: its longest-standing admin, else member, takes over (published as
   * ClubRoleChanged, so those who keep a club's managers learn it).
   */
  private static final String HEIRS =
      "update club_member m set role = 'OWNER' from (select distinct on (club_id) club_id,"
          + " athlete_id from club_member where status = 'ACTIVE' and club_id in (select"
          + " club_id from club c where not exists (select 1 from club_member o where"
          + " o.club_id = c.club_id and o.role = 'OWNER' and o.status = 'ACTIVE')) order by"
          + " club_id, role = 'ADMIN' desc, since) heir where m.club_id = heir.club_id and"
          + " m.athlete_id = heir.athlete_id returning m.club_id, m.athlete_id";

  private static final List<String> DELETES_AFTER_HEIRS =
      List.of(
          "delete from club c where not exists (select 1 from club_member m where m.club_id ="
              + " c.club_id and m.status = 'ACTIVE')",
          "update club set created_by = null where created_by = :user",
          "delete from workout_record where owner_id = :user",
          "delete from workout where owner_id = :user",
          "delete from block where blocker_id = :user or blocked_id = :user",
          "delete from mute where muter_id = :user or muted_id = :user",
          "delete from athlete_word where user_id = :user",
          "delete from athlete where user_id = :user");

  private final JdbcClient jdbc;
  private final PlatformErasure platform;
  private final EventPublisher events;
  private final Clock clock;

  SocialErasure(JdbcClient jdbc, PlatformErasure platform, EventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.platform = platform;
    this.events = events;
    this.clock = clock;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    TransactionLocks.hold(jdbc, Athletes.lockName(userId));
    long rows = run(DELETES_BEFORE_HEIRS, userId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<ClubRoleChanged> heirs =
        jdbc.sql(HEIRS)
            .query(
                (rs, row) ->
                    new ClubRoleChanged(
                        rs.getObject("club_id", UUID.class),
                        rs.getObject("athlete_id", UUID.class),
                        "OWNER",
                        now))
            .list();
    heirs.forEach(events::publish);
    rows += heirs.size();
    rows += run(DELETES_AFTER_HEIRS, userId);
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }

  private long run(List<String> statements, UUID userId) {
    long rows = 0;
    for (String statement : statements) {
      rows += jdbc.sql(statement).param("user", userId).update();
    }
    return rows;
  }
}
