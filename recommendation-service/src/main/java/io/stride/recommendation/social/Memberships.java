package io.stride.recommendation.social;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Club memberships and challenge participations, applied in the order they happened: each keeps
 * when it began and each departure when it happened, so a replayed or late join older than a
 * departure brings nobody back, and a departure older than a rejoin ends nothing. A group the
 * athlete left is never suggested to them again (until they join it once more).
 */
public enum Memberships {
  CLUB("club_member", "club_id", "club"),
  CHALLENGE("challenge_participant", "challenge_id", "challenge");

  private final String table;
  private final String groupColumn;
  private final String kind;

  Memberships(String table, String groupColumn, String kind) {
    this.table = table;
    this.groupColumn = groupColumn;
    this.kind = kind;
  }

  /** {@code athlete} joined {@code group} at {@code at}; true when they became a member now. */
  public boolean joined(JdbcClient jdbc, UUID group, UUID athlete, Instant at) {
    return jdbc.sql(
            """
            with forgotten as (
              delete from departure
              where athlete_id = :athlete and kind = :kind and target_id = :group and left_at < :at)
            insert into %1$s (%2$s, athlete_id, joined_at)
            select cast(:group as uuid), cast(:athlete as uuid), :at
            where not exists (select 1 from erased_user where user_id = cast(:athlete as uuid))
              and not exists (select 1 from departure
                              where athlete_id = :athlete and kind = :kind
                                and target_id = :group and left_at >= :at)
            on conflict (%2$s, athlete_id) do update set joined_at = excluded.joined_at
              where %1$s.joined_at < excluded.joined_at
            returning (xmax = 0) as fresh
            """
                .formatted(table, groupColumn))
        .param("group", group)
        .param("athlete", athlete)
        .param("kind", kind)
        .param("at", Timestamp.from(at))
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * {@code athlete} left {@code group} (or was removed) at {@code at}; true when that ended a
   * membership. A membership that began later stays.
   */
  public boolean left(JdbcClient jdbc, UUID group, UUID athlete, Instant at) {
    boolean ended =
        jdbc.sql(
                    "delete from %s where %s = ? and athlete_id = ? and joined_at <= ?"
                        .formatted(table, groupColumn))
                .params(group, athlete, Timestamp.from(at))
                .update()
            == 1;
    jdbc.sql(
            """
            insert into departure (athlete_id, kind, target_id, left_at)
            select cast(:athlete as uuid), :kind, cast(:group as uuid), :at
            where not exists (select 1 from erased_user where user_id = cast(:athlete as uuid))
              and not exists (select 1 from %1$s where %2$s = :group and athlete_id = :athlete)
            on conflict (athlete_id, kind, target_id) do update set left_at = excluded.left_at
              where departure.left_at < excluded.left_at
            """
                .formatted(table, groupColumn))
        .param("athlete", athlete)
        .param("kind", kind)
        .param("group", group)
        .param("at", Timestamp.from(at))
        .update();
    return ended;
  }
}
