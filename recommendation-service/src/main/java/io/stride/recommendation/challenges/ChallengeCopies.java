package io.stride.recommendation.challenges;

import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.recommendation.social.Memberships;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Challenges and their participants as gamification-service announced them. */
@Repository
public class ChallengeCopies {

  private final JdbcClient jdbc;

  ChallengeCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the challenge unless a newer state (or its deletion) is stored; true when stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(ChallengeChanged c) {
    return jdbc.sql(
                """
            insert into challenge (challenge_id, title, goal, target, sport, starts_at, ends_at,
                                   scope, region, club_id, sponsored, changed_at)
            select cast(:id as uuid), :title, :goal, :target, :sport, :starts, :ends, :scope,
                   :region, cast(:club as uuid), :sponsored, :at
            where not exists (select 1 from tombstone
                              where kind = 'challenge' and target_id = cast(:id as uuid))
            on conflict (challenge_id) do update set
                title = excluded.title, goal = excluded.goal, target = excluded.target,
                sport = excluded.sport, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                scope = excluded.scope, region = excluded.region, club_id = excluded.club_id,
                sponsored = excluded.sponsored, changed_at = excluded.changed_at
            where challenge.changed_at < excluded.changed_at and not challenge.deleted
            """)
            .param("id", c.challengeId())
            .param("title", c.title())
            .param("goal", c.goal())
            .param("target", c.target())
            .param("sport", c.sport())
            .param("starts", Timestamp.from(c.startsAt()))
            .param("ends", Timestamp.from(c.endsAt()))
            .param("scope", c.scope())
            .param("region", c.region())
            .param("club", c.clubId())
            .param("sponsored", c.sponsored())
            .param("at", Timestamp.from(c.changedAt()))
            .update()
        == 1;
  }

  /**
   * Marks the challenge deleted, for good: a tombstone keeps a late or replayed state of it from
   * coming back, even one of a challenge never seen before.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deleted(UUID challenge, Instant at) {
    jdbc.sql(
            """
            insert into tombstone (kind, target_id, deleted_at) values ('challenge', ?, ?)
            on conflict do nothing
            """)
        .params(challenge, Timestamp.from(at))
        .update();
    jdbc.sql("update challenge set deleted = true where challenge_id = ?")
        .param(challenge)
        .update();
    jdbc.sql("delete from challenge_participant where challenge_id = ?").param(challenge).update();
  }

  /** The athlete took part from {@code at}; true when new (see {@link Memberships}). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean joined(UUID challenge, UUID athlete, Instant at) {
    return Memberships.CHALLENGE.joined(jdbc, challenge, athlete, at);
  }

  /** The athlete left: the challenge is never suggested to them again; true when that ended one. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean left(UUID challenge, UUID athlete, Instant at) {
    return Memberships.CHALLENGE.left(jdbc, challenge, athlete, at);
  }

  /**
   * The athletes a new or changed challenge may be for: everyone with lists, a region's athletes, a
   * club's members (at most {@code limit}).
   */
  public List<UUID> audience(UUID challenge, int limit) {
    return jdbc.sql(
            """
            select a.user_id from challenge c
            join athlete a on c.scope = 'everyone'
                or (c.scope = 'region' and (a.region = c.region or a.region like c.region || '-%'))
                or (c.scope = 'club' and exists (select 1 from club_member m
                                                 where m.club_id = c.club_id
                                                   and m.athlete_id = a.user_id))
            where c.challenge_id = ? and not c.deleted
            limit ?
            """)
        .params(challenge, limit)
        .query(UUID.class)
        .list();
  }
}
