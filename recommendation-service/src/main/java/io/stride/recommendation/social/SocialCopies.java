package io.stride.recommendation.social;

import io.stride.contracts.social.ClubUpdated;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows, clubs and club memberships as social-service announced them. Blocks are the platform's
 * {@code BlockedPairs}.
 */
@Repository
public class SocialCopies {

  private final JdbcClient jdbc;

  SocialCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Applies a follow or its end unless the pair has a newer version; true when it changed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean follow(UUID follower, UUID user, boolean active, long version) {
    return jdbc.sql(
                """
                insert into follow (follower_id, user_id, active, version)
                select cast(:follower as uuid), cast(:user as uuid), :active, :version
                where not exists (select 1 from erased_user
                                  where user_id in (cast(:follower as uuid), cast(:user as uuid)))
                on conflict (follower_id, user_id) do update
                  set active = excluded.active, version = excluded.version
                  where follow.version < excluded.version
                """)
            .param("follower", follower)
            .param("user", user)
            .param("active", active)
            .param("version", version)
            .update()
        == 1;
  }

  /** Who follows {@code user} (at most {@code limit}): their lists see {@code user} anew. */
  public List<UUID> followersOf(UUID user, int limit) {
    return jdbc.sql("select follower_id from follow where user_id = ? and active limit ?")
        .params(user, limit)
        .query(UUID.class)
        .list();
  }

  /** The members of {@code club} (at most {@code limit}): a newcomer is a club mate to them. */
  public List<UUID> membersOf(UUID club, int limit) {
    return jdbc.sql("select athlete_id from club_member where club_id = ? limit ?")
        .params(club, limit)
        .query(UUID.class)
        .list();
  }

  /** Stores the club's directory facts unless newer ones are stored; true when stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean club(ClubUpdated club) {
    return jdbc.sql(
                """
            insert into club (club_id, name, sport, region, country, private, updated_at)
            values (:id, :name, :sport, :region, split_part(:region, '-', 1), :private, :at)
            on conflict (club_id) do update set
                name = excluded.name, sport = excluded.sport, region = excluded.region,
                country = excluded.country, private = excluded.private,
                updated_at = excluded.updated_at
            where club.updated_at < excluded.updated_at
            """)
            .param("id", club.clubId())
            .param("name", club.name())
            .param("sport", club.sport())
            .param("region", club.region())
            .param("private", club.privateClub())
            .param("at", Timestamp.from(club.updatedAt()))
            .update()
        == 1;
  }

  /** The athletes of a club's country (at most {@code limit}): it may be for them. */
  public List<UUID> audienceOfClub(UUID club, int limit) {
    return jdbc.sql(
            """
            select a.user_id from club c
            join athlete a on split_part(a.region, '-', 1) = c.country
            where c.club_id = ? limit ?
            """)
        .params(club, limit)
        .query(UUID.class)
        .list();
  }

  /** The athlete became a member at {@code at}; true when new (see {@link Memberships}). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean joined(UUID club, UUID athlete, Instant at) {
    return Memberships.CLUB.joined(jdbc, club, athlete, at);
  }

  /**
   * The athlete is no longer a member; a club they left, or were removed from, is never suggested
   * to them again. True when that ended a membership.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean left(UUID club, UUID athlete, Instant at) {
    return Memberships.CLUB.left(jdbc, club, athlete, at);
  }
}
