package io.stride.gamification.social;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of what social-service says about people and clubs that boards and challenges
 * need: club memberships with their roles, and follows (blocks are the platform's {@code
 * BlockedPairs}). A follow moves only forward in its pair's version; an ended one stays as an
 * inactive row so an older event cannot revive it. Club events arrive in order per club (the
 * topic's key), so they apply as they come.
 */
@Service
public class SocialCopies {

  private final JdbcClient jdbc;

  SocialCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void follow(UUID followerId, UUID userId, boolean active, long version) {
    jdbc.sql(
            """
            insert into follow (follower_id, user_id, active, version)
            select :follower, :user, :active, :version
            where not exists (select 1 from erased_user where user_id in (:follower, :user))
            on conflict (follower_id, user_id) do update set
                active = excluded.active, version = excluded.version
            where follow.version < excluded.version
            """)
        .param("follower", followerId)
        .param("user", userId)
        .param("active", active)
        .param("version", version)
        .update();
  }

  /**
   * The athlete is a member of the club with this role now.
   *
   * @return whether that changed the membership (new, or another role)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean member(UUID clubId, UUID athleteId, String role) {
    return jdbc.sql(
                """
                insert into club_member (club_id, athlete_id, role)
                select :club, :athlete, :role
                where not exists (select 1 from erased_user where user_id = :athlete)
                on conflict (club_id, athlete_id) do update set role = excluded.role
                where club_member.role <> excluded.role
                """)
            .param("club", clubId)
            .param("athlete", athleteId)
            .param("role", role)
            .update()
        > 0;
  }

  /** A role change of someone the copy holds as a member; nothing for anyone else. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void roleChanged(UUID clubId, UUID athleteId, String role) {
    jdbc.sql("update club_member set role = ? where club_id = ? and athlete_id = ?")
        .params(role, clubId, athleteId)
        .update();
  }

  /**
   * The athlete left the club (or was removed).
   *
   * @return whether they were a member
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean left(UUID clubId, UUID athleteId) {
    return jdbc.sql("delete from club_member where club_id = ? and athlete_id = ?")
            .params(clubId, athleteId)
            .update()
        > 0;
  }

  /** The athlete's role in the club: OWNER, ADMIN or MEMBER; empty when not a member. */
  public Optional<String> roleIn(UUID clubId, UUID athleteId) {
    return jdbc.sql("select role from club_member where club_id = ? and athlete_id = ?")
        .params(clubId, athleteId)
        .query(String.class)
        .optional();
  }

  /** The clubs the athlete is a member of. */
  public List<UUID> clubsOf(UUID athleteId) {
    return jdbc.sql("select club_id from club_member where athlete_id = ? order by club_id")
        .param(athleteId)
        .query(UUID.class)
        .list();
  }
}
