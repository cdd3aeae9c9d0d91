package io.stride.social.clubs;

import io.stride.contracts.social.ClubJoined;
import io.stride.contracts.social.ClubLeft;
import io.stride.contracts.social.ClubRoleChanged;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.locks.TransactionLocks;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is in a club: joining a public club at once, asking to join a private one, admins approving,
 * declining and removing, owners handing roles over, and leaving, which the last owner may not do
 * before handing over. Every change of a club's members holds the club's lock. Members and requests
 * are listed without anyone in a block with the caller; a private club's members only to its
 * members.
 */
@Service
class ClubMembership {

  private static final Set<String> MANAGERS = Set.of("OWNER", "ADMIN");

  private record After(Instant since, UUID athleteId) {}

  private final JdbcClient jdbc;
  private final Clubs clubs;
  private final EventPublisher events;
  private final Clock clock;

  ClubMembership(JdbcClient jdbc, Clubs clubs, EventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.clubs = clubs;
    this.events = events;
    this.clock = clock;
  }

  /** Joins a public club, or asks to join a private one; asking again answers the same. */
  @Transactional
  ClubResponse join(UUID athlete, UUID clubId) {
    lock(clubId);
    ClubResponse club = clubs.find(athlete, clubId).orElseThrow(() -> Clubs.notFound(clubId));
    if (!club.yourRole().equals("NONE")) {
      return club;
    }
    Instant now = now();
    jdbc.sql(
            "insert into club_member (club_id, athlete_id, role, status, since)"
                + " values (?, ?, 'MEMBER', ?, ?)")
        .params(clubId, athlete, club.isPrivate() ? "PENDING" : "ACTIVE", Timestamp.from(now))
        .update();
    if (!club.isPrivate()) {
      joined(clubId, athlete, "MEMBER", now);
    }
    return clubs.find(athlete, clubId).orElseThrow();
  }

  /** Leaves, or takes back a request; the last owner must hand over first (409). */
  @Transactional
  void leave(UUID athlete, UUID clubId) {
    lock(clubId);
    String role = roleOf(clubId, athlete, true);
    if ("OWNER".equals(role) && owners(clubId) == 1) {
      throw new ConflictException(
          "You are the club's last owner: make another member owner first, then leave");
    }
    remove(clubId, athlete, "LEFT");
  }

  @Transactional
  void approve(UUID admin, UUID clubId, UUID requester) {
    lock(clubId);
    requireManager(admin, clubId);
    int approved =
        jdbc.sql(
                "update club_member set status = 'ACTIVE', since = ? where club_id = ?"
                    + " and athlete_id = ? and status = 'PENDING'")
            .params(Timestamp.from(now()), clubId, requester)
            .update();
    if (approved == 0) {
      if (roleOf(clubId, requester, false) != null) {
        return; // a member already
      }
      throw new NotFoundException("No request from " + requester + " to join this club");
    }
    joined(clubId, requester, "MEMBER", now());
  }

  /** Declines a request or removes a member; an owner is removed by an owner only. */
  @Transactional
  void removeMember(UUID admin, UUID clubId, UUID member) {
    lock(clubId);
    String adminRole = requireManager(admin, clubId);
    if (admin.equals(member)) {
      throw InvalidRequestException.of("athleteId", "is you: leave the club instead");
    }
    String role = roleOf(clubId, member, true);
    if (role == null) {
      return;
    }
    if ("OWNER".equals(role) && !"OWNER".equals(adminRole)) {
      throw new NotFoundException("No member " + member + " you may remove");
    }
    remove(clubId, member, "REMOVED");
  }

  /**
   * An owner gives a member a role: OWNER (hand over; several owners may be), ADMIN or MEMBER. The
   * role the member already has changes nothing and publishes nothing.
   */
  @Transactional
  void setRole(UUID owner, UUID clubId, UUID member, String role) {
    lock(clubId);
    if (!"OWNER".equals(roleOf(clubId, owner, false))) {
      throw new NotFoundException("No club " + clubId + " you own");
    }
    if (!Set.of("OWNER", "ADMIN", "MEMBER").contains(role)) {
      throw InvalidRequestException.of("role", "is one of OWNER, ADMIN, MEMBER");
    }
    String current = roleOf(clubId, member, false);
    if (current == null) {
      throw new NotFoundException("No member " + member + " in this club");
    }
    if (current.equals(role)) {
      return;
    }
    if ("OWNER".equals(current) && !"OWNER".equals(role) && owners(clubId) == 1) {
      throw new ConflictException("The club needs an owner: make another member owner first");
    }
    jdbc.sql("update club_member set role = ? where club_id = ? and athlete_id = ?")
        .params(role, clubId, member)
        .update();
    events.publish(new ClubRoleChanged(clubId, member, role, now()));
  }

  /** Active members (or, for managers, pending requests), newest first. */
  @Transactional(readOnly = true)
  Page<ClubMember> list(UUID viewer, UUID clubId, boolean requests, String cursor, int limit) {
    ClubResponse club = clubs.find(viewer, clubId).orElseThrow(() -> Clubs.notFound(clubId));
    boolean member = MANAGERS.contains(club.yourRole()) || club.yourRole().equals("MEMBER");
    if (requests ? !MANAGERS.contains(club.yourRole()) : club.isPrivate() && !member) {
      throw new NotFoundException(
          requests
              ? "Only the club's owners and admins see its requests"
              : "The club is private: only its members see who is in it");
    }
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<ClubMember> fetched =
        jdbc.sql(
                "select m.athlete_id, a.display_name, a.avatar_url, m.role, m.since"
                    + " from club_member m left join athlete a on a.user_id = m.athlete_id"
                    + " where m.club_id = :club and m.status = :status"
                    + (after == null ? "" : " and (m.since, m.athlete_id) < (:since, :after)")
                    + " and not exists (select 1 from block b where (b.blocker_id = :viewer and"
                    + " b.blocked_id = m.athlete_id) or (b.blocker_id = m.athlete_id and"
                    + " b.blocked_id = :viewer))"
                    + " order by m.since desc, m.athlete_id desc limit :limit")
            .param("club", clubId)
            .param("status", requests ? "PENDING" : "ACTIVE")
            .param("viewer", viewer)
            .param(
                "since",
                after == null ? Timestamp.from(Instant.EPOCH) : Timestamp.from(after.since()))
            .param("after", after == null ? viewer : after.athleteId())
            .param("limit", limit + 1)
            .query(
                (rs, row) ->
                    new ClubMember(
                        rs.getObject("athlete_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("avatar_url"),
                        rs.getString("role"),
                        rs.getTimestamp("since").toInstant()))
            .list();
    return Page.of(fetched, limit, m -> Cursor.of(m.since(), m.athleteId()));
  }

  private void joined(UUID clubId, UUID athlete, String role, Instant at) {
    jdbc.sql("update club set members = members + 1 where club_id = ?").param(clubId).update();
    events.publish(new ClubJoined(clubId, athlete, role, at));
  }

  private void remove(UUID clubId, UUID athlete, String reason) {
    String status =
        jdbc.sql("delete from club_member where club_id = ? and athlete_id = ? returning status")
            .params(clubId, athlete)
            .query(String.class)
            .optional()
            .orElse(null);
    if ("ACTIVE".equals(status)) {
      jdbc.sql("update club set members = greatest(members - 1, 0) where club_id = ?")
          .param(clubId)
          .update();
      events.publish(new ClubLeft(clubId, athlete, reason, now()));
    }
  }

  private String requireManager(UUID athlete, UUID clubId) {
    String role = roleOf(clubId, athlete, false);
    if (role == null || !MANAGERS.contains(role)) {
      throw new NotFoundException("No club " + clubId + " you manage");
    }
    return role;
  }

  /** The athlete's role in the club; with {@code orPending}, a pending request's too. */
  private String roleOf(UUID clubId, UUID athlete, boolean orPending) {
    return jdbc.sql(
            "select role from club_member where club_id = ? and athlete_id = ?"
                + (orPending ? "" : " and status = 'ACTIVE'"))
        .params(clubId, athlete)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long owners(UUID clubId) {
    return jdbc.sql(
            "select count(*) from club_member where club_id = ? and role = 'OWNER'"
                + " and status = 'ACTIVE'")
        .param(clubId)
        .query(Long.class)
        .single();
  }

  private void lock(UUID clubId) {
    TransactionLocks.hold(jdbc, "club:" + clubId);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
