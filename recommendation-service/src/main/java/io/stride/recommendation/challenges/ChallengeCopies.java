package io.stride.recommendation.challenges;

import io.stride.contracts.gamification.ChallengeChanged;
import io.stride.recommendation.social.Departures;
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

  /** Stores the challenge unless a newer state (or its deletion) is stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void apply(ChallengeChanged c) {
    jdbc.sql(
            """
            insert into challenge (challenge_id, title, goal, target, sport, starts_at, ends_at,
                                   scope, region, club_id, sponsored, changed_at)
            values (:id, :title, :goal, :target, :sport, :starts, :ends, :scope, :region, :club,
                    :sponsored, :at)
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
        .update();
  }

  /** Marks the challenge deleted (kept as a row, so an older state replayed stays deleted). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void deleted(UUID challenge) {
    jdbc.sql("update challenge set deleted = true where challenge_id = ?")
        .param(challenge)
        .update();
    jdbc.sql("delete from challenge_participant where challenge_id = ?").param(challenge).update();
  }

  /** The athlete takes part now (a departure of before is forgotten); true when new. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean joined(UUID challenge, UUID athlete) {
    jdbc.sql("delete from departure where athlete_id = ? and kind = 'challenge' and target_id = ?")
        .params(athlete, challenge)
        .update();
    return jdbc.sql(
                """
                insert into challenge_participant (challenge_id, athlete_id)
                select cast(:challenge as uuid), cast(:athlete as uuid)
                where not exists (select 1 from erased_user where user_id = cast(:athlete as uuid))
                on conflict do nothing
                """)
            .param("challenge", challenge)
            .param("athlete", athlete)
            .update()
        == 1;
  }

  /** The athlete left: the challenge is never suggested to them again. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void left(UUID challenge, UUID athlete, Instant at) {
    jdbc.sql("delete from challenge_participant where challenge_id = ? and athlete_id = ?")
        .params(challenge, athlete)
        .update();
    Departures.record(jdbc, athlete, "challenge", challenge, at);
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
