package io.stride.gamification.challenges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored challenges, and which of them an athlete may see: those open to everyone, to their
 * region, to a club they are a member of, and any they joined (a move to another region or a
 * departure from a club after joining does not hide it). Admins see every one.
 */
@Component
class ChallengeCatalog {

  static final String COLUMNS =
      """
      c.challenge_id, c.title, c.description, c.goal, c.target, c.sport, c.time_zone,
      c.starts_on, c.ends_on, c.starts_at, c.ends_at, c.scope, c.region, c.club_id,
      c.sponsored, c.campaign_id, c.created_by, c.created_at, c.participants
      """;

  /** Whether the viewer (:viewer, of region :region) may see challenge {@code c}. */
  private static final String VISIBLE =
      """
      (:admin or c.scope = 'everyone'
       or (c.scope = 'region' and c.region = :region)
       or (c.scope = 'club' and exists (select 1 from club_member m
                                        where m.club_id = c.club_id and m.athlete_id = :viewer))
       or exists (select 1 from challenge_participant p
                  where p.challenge_id = c.challenge_id and p.athlete_id = :viewer))
      """;

  /** Who is looking: their id, region and whether they are an admin. */
  record Viewer(UUID id, @Nullable String region, boolean admin) {}

  private final JdbcClient jdbc;

  ChallengeCatalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Challenge c) {
    jdbc.sql(
            """
            insert into challenge (challenge_id, title, description, goal, target, sport,
                time_zone, starts_on, ends_on, starts_at, ends_at, scope, region, club_id,
                sponsored, campaign_id, created_by, created_at)
            values (:id, :title, :description, :goal, :target, :sport, :zone, :startsOn, :endsOn,
                :startsAt, :endsAt, :scope, :region, :club, :sponsored, :campaign, :by, :at)
            """)
        .param("id", c.id())
        .param("title", c.title())
        .param("description", c.description())
        .param("goal", c.goal().wireName())
        .param("target", c.target())
        .param("sport", c.sport())
        .param("zone", c.zone().getId())
        .param("startsOn", c.startsOn())
        .param("endsOn", c.endsOn())
        .param("startsAt", Timestamp.from(c.startsAt()))
        .param("endsAt", Timestamp.from(c.endsAt()))
        .param("scope", c.reach().wireName())
        .param("region", c.region())
        .param("club", c.clubId())
        .param("sponsored", c.sponsored())
        .param("campaign", c.campaignId())
        .param("by", c.createdBy())
        .param("at", Timestamp.from(c.createdAt()))
        .update();
  }

  Optional<Challenge> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from challenge c where c.challenge_id = ?")
        .param(id)
        .query(ChallengeCatalog::challenge)
        .optional();
  }

  /** The challenge, if the viewer may see it; for update when {@code forUpdate}. */
  Optional<Challenge> visible(UUID id, Viewer viewer, boolean forUpdate) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from challenge c where c.challenge_id = :id and "
                + VISIBLE
                + (forUpdate ? " for update of c" : ""))
        .param("id", id)
        .param("viewer", viewer.id())
        .param("region", viewer.region())
        .param("admin", viewer.admin())
        .query(ChallengeCatalog::challenge)
        .optional();
  }

  /**
   * The challenges the viewer may see: not ended yet (soonest ending first) or ended (latest ending
   * first), optionally only those they joined; keyset-paged on (end, id).
   */
  List<Challenge> list(
      Viewer viewer,
      boolean ended,
      boolean joinedOnly,
      Instant now,
      @Nullable Instant afterEnd,
      @Nullable UUID afterId,
      int limit) {
    String order = ended ? "desc" : "asc";
    String after =
        afterId == null
            ? ""
            : ended
                ? " and (c.ends_at, c.challenge_id) < (:afterEnd, :afterId)"
                : " and (c.ends_at, c.challenge_id) > (:afterEnd, :afterId)";
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from challenge c where "
                + (ended ? "c.ends_at <= :now" : "c.ends_at > :now")
                + (joinedOnly
                    ? " and exists (select 1 from challenge_participant p where p.challenge_id ="
                        + " c.challenge_id and p.athlete_id = :viewer)"
                    : "")
                + " and "
                + VISIBLE
                + after
                + " order by c.ends_at "
                + order
                + ", c.challenge_id "
                + order
                + " limit :limit")
        .param("now", Timestamp.from(now))
        .param("viewer", viewer.id())
        .param("region", viewer.region())
        .param("admin", viewer.admin())
        .param("afterEnd", afterEnd == null ? Timestamp.from(now) : Timestamp.from(afterEnd))
        .param("afterId", afterId == null ? viewer.id() : afterId)
        .param("limit", limit)
        .query(ChallengeCatalog::challenge)
        .list();
  }

  void describe(
      UUID id, String title, String description, boolean sponsored, @Nullable String campaignId) {
    jdbc.sql(
            "update challenge set title = ?, description = ?, sponsored = ?, campaign_id = ?"
                + " where challenge_id = ?")
        .params(title, description, sponsored, campaignId, id)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("delete from challenge where challenge_id = ?").param(id).update();
  }

  static Challenge challenge(ResultSet rs, int row) throws SQLException {
    return new Challenge(
        rs.getObject("challenge_id", UUID.class),
        rs.getString("title"),
        rs.getString("description"),
        Goal.ofWireName(rs.getString("goal")),
        rs.getLong("target"),
        rs.getString("sport"),
        ZoneId.of(rs.getString("time_zone")),
        rs.getObject("starts_on", java.time.LocalDate.class),
        rs.getObject("ends_on", java.time.LocalDate.class),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        Reach.ofWireName(rs.getString("scope")),
        rs.getString("region"),
        rs.getObject("club_id", UUID.class),
        rs.getBoolean("sponsored"),
        rs.getString("campaign_id"),
        rs.getObject("created_by", UUID.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getInt("participants"));
  }
}
