package io.stride.gamification.challenges;

import io.stride.gamification.athletes.Athletes;
import io.stride.gamification.challenges.ChallengeCatalog.Viewer;
import io.stride.gamification.challenges.ChallengeRequests.ChallengeChanges;
import io.stride.gamification.challenges.ChallengeRequests.NewChallenge;
import io.stride.gamification.challenges.ChallengeViews.ChallengeView;
import io.stride.gamification.challenges.ChallengeViews.MyChallengeProgress;
import io.stride.gamification.leaderboards.BoardNames;
import io.stride.gamification.leaderboards.Boards;
import io.stride.gamification.leaderboards.Leaderboards;
import io.stride.gamification.leaderboards.Standings.Leaderboard;
import io.stride.gamification.social.SocialCopies;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.ConflictException;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges: admins create those for everyone or a region, a club's owners and admins those of
 * their club; athletes see, join and leave those open to them and follow their progress. Each
 * creation, change, deletion, join and departure is published ({@link ChallengeEvents}).
 */
@Service
class Challenges {

  private static final Set<String> CLUB_MANAGERS = Set.of("OWNER", "ADMIN");
  private static final long LONGEST_DAYS = 366;

  private final ChallengeCatalog catalog;
  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final SocialCopies social;
  private final Refold refold;
  private final Boards boards;
  private final Leaderboards leaderboards;
  private final ChallengeEvents events;
  private final Clock clock;

  Challenges(
      ChallengeCatalog catalog,
      JdbcClient jdbc,
      Athletes athletes,
      SocialCopies social,
      Refold refold,
      Boards boards,
      Leaderboards leaderboards,
      ChallengeEvents events,
      Clock clock) {
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.social = social;
    this.refold = refold;
    this.boards = boards;
    this.leaderboards = leaderboards;
    this.events = events;
    this.clock = clock;
  }

  Viewer viewer(UUID caller, boolean admin) {
    return new Viewer(caller, athletes.find(caller).region(), admin);
  }

  @Transactional
  ChallengeView create(Viewer viewer, NewChallenge request) {
    Reach reach = Reach.ofWireName(request.scope());
    if (reach == Reach.REGION && request.region() == null) {
      throw InvalidRequestException.of("region", "is required for scope region");
    }
    if (reach != Reach.REGION && request.region() != null) {
      throw InvalidRequestException.of("region", "goes only with scope region");
    }
    if (reach == Reach.CLUB && request.clubId() == null) {
      throw InvalidRequestException.of("clubId", "is required for scope club");
    }
    if (reach != Reach.CLUB && request.clubId() != null) {
      throw InvalidRequestException.of("clubId", "goes only with scope club");
    }
    if (!request.isSponsored() && request.campaignId() != null) {
      throw InvalidRequestException.of("campaignId", "names the campaign of a sponsored challenge");
    }
    ZoneId zone = zone(request.timeZone());
    if (request.endsOn().isBefore(request.startsOn())) {
      throw InvalidRequestException.of("endsOn", "is on or after startsOn");
    }
    if (ChronoUnit.DAYS.between(request.startsOn(), request.endsOn()) >= LONGEST_DAYS) {
      throw InvalidRequestException.of("endsOn", "is at most 366 days after startsOn");
    }
    Instant now = clock.instant();
    Instant endsAt = request.endsOn().plusDays(1).atStartOfDay(zone).toInstant();
    if (!endsAt.isAfter(now)) {
      throw InvalidRequestException.of("endsOn", "is today or later in " + zone.getId());
    }
    mayManage(viewer, reach, request.clubId());
    Challenge challenge =
        new Challenge(
            UUID.randomUUID(),
            request.title().strip(),
            request.description() == null ? "" : request.description().strip(),
            Goal.ofWireName(request.goal()),
            request.target(),
            request.sport(),
            zone,
            request.startsOn(),
            request.endsOn(),
            request.startsOn().atStartOfDay(zone).toInstant(),
            endsAt,
            reach,
            request.region(),
            request.clubId(),
            request.isSponsored(),
            request.campaignId(),
            viewer.id(),
            now,
            0);
    catalog.insert(challenge);
    events.changed(challenge, now);
    return ChallengeView.of(challenge, now, null);
  }

  @Transactional
  ChallengeView change(Viewer viewer, UUID id, ChallengeChanges changes) {
    Challenge c = managed(viewer, id);
    boolean sponsored = changes.sponsored() != null ? changes.sponsored() : c.sponsored();
    String campaign = changes.campaignId() != null ? changes.campaignId() : c.campaignId();
    if (!sponsored && changes.campaignId() != null) {
      throw InvalidRequestException.of("campaignId", "names the campaign of a sponsored challenge");
    }
    String title = changes.title() != null ? changes.title().strip() : c.title();
    catalog.describe(
        id,
        title,
        changes.description() != null ? changes.description().strip() : c.description(),
        sponsored,
        sponsored ? campaign : null);
    if (!title.equals(c.title()) || sponsored != c.sponsored()) {
      // the description and the campaign are not in the event: a change of them tells nothing
      events.changed(catalog.find(id).orElseThrow(), clock.instant());
    }
    return detail(viewer, id);
  }

  @Transactional
  void delete(Viewer viewer, UUID id) {
    managed(viewer, id);
    catalog.delete(id);
    boards.drop(BoardNames.challenge(id));
    events.deleted(id, clock.instant());
  }

  @Transactional(readOnly = true)
  ChallengeView detail(Viewer viewer, UUID id) {
    Challenge c = visible(viewer, id, false);
    return ChallengeView.of(c, clock.instant(), progress(id, viewer.id()).orElse(null));
  }

  @Transactional(readOnly = true)
  Page<ChallengeView> list(Viewer viewer, boolean ended, boolean joined, String cursor, int limit) {
    record After(Instant end, UUID id) {}
    After after =
        cursor == null ? null : Cursor.decode(cursor, k -> new After(k.instant(), k.uuid()));
    Instant now = clock.instant();
    List<Challenge> fetched =
        catalog.list(
            viewer,
            ended,
            joined,
            now,
            after == null ? null : after.end(),
            after == null ? null : after.id(),
            limit + 1);
    Map<UUID, MyChallengeProgress> mine =
        progresses(fetched.stream().map(Challenge::id).toList(), viewer.id());
    List<ChallengeView> views =
        fetched.stream().map(c -> ChallengeView.of(c, now, mine.get(c.id()))).toList();
    return Page.of(views, limit, v -> Cursor.of(v.endsAt(), v.id()));
  }

  /** Joins the challenge (again: nothing changes) and folds the athlete's history into it. */
  @Transactional
  MyChallengeProgress join(Viewer viewer, UUID id) {
    Challenge c = visible(viewer, id, false);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    if (!now.isBefore(c.endsAt())) {
      throw new ConflictException("The challenge ended on " + c.endsOn() + "; it cannot be joined");
    }
    int joined =
        jdbc.sql(
                "insert into challenge_participant (challenge_id, athlete_id, joined_at)"
                    + " values (?, ?, ?) on conflict do nothing")
            .params(id, viewer.id(), Timestamp.from(now))
            .update();
    if (joined > 0) {
      jdbc.sql("update challenge set participants = participants + 1 where challenge_id = ?")
          .param(id)
          .update();
      refold.refold(viewer.id());
      events.joined(id, viewer.id(), now);
    }
    return progress(id, viewer.id()).orElseThrow();
  }

  /** Leaves the challenge: progress and place on its board are gone; leaving twice is fine. */
  @Transactional
  void leave(Viewer viewer, UUID id) {
    visible(viewer, id, false);
    int left =
        jdbc.sql("delete from challenge_participant where challenge_id = ? and athlete_id = ?")
            .params(id, viewer.id())
            .update();
    if (left > 0) {
      jdbc.sql(
              "update challenge set participants = greatest(participants - 1, 0)"
                  + " where challenge_id = ?")
          .param(id)
          .update();
      refold.refold(viewer.id());
      events.left(id, viewer.id(), clock.instant());
    }
  }

  @Transactional(readOnly = true)
  MyChallengeProgress mine(Viewer viewer, UUID id) {
    visible(viewer, id, false);
    return progress(id, viewer.id())
        .orElseThrow(() -> new NotFoundException("You have not joined challenge " + id));
  }

  @Transactional(readOnly = true)
  Leaderboard leaderboard(Viewer viewer, UUID id, String cursor, int limit, int around) {
    Challenge c = visible(viewer, id, false);
    return leaderboards.read(
        BoardNames.challenge(id), c.goal().unit(), viewer.id(), cursor, limit, around);
  }

  Optional<MyChallengeProgress> progress(UUID challengeId, UUID athleteId) {
    return Optional.ofNullable(progresses(List.of(challengeId), athleteId).get(challengeId));
  }

  /** The athlete's progress in those of the challenges they joined, in one query. */
  private Map<UUID, MyChallengeProgress> progresses(List<UUID> challengeIds, UUID athleteId) {
    if (challengeIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, MyChallengeProgress> byChallenge = new HashMap<>();
    jdbc.sql(
            """
            select p.challenge_id, p.joined_at, p.progress, p.workouts, p.completed_workout,
                   p.completed_at, c.target, c.goal
            from challenge_participant p join challenge c using (challenge_id)
            where p.athlete_id = ? and p.challenge_id = any(?)
            """)
        .params(athleteId, challengeIds.toArray(UUID[]::new))
        .query(
            rs -> {
              Timestamp completedAt = rs.getTimestamp("completed_at");
              UUID challengeId = rs.getObject("challenge_id", UUID.class);
              byChallenge.put(
                  challengeId,
                  new MyChallengeProgress(
                      challengeId,
                      rs.getTimestamp("joined_at").toInstant(),
                      rs.getLong("progress"),
                      rs.getLong("target"),
                      Goal.ofWireName(rs.getString("goal")).unit(),
                      rs.getInt("workouts"),
                      completedAt != null,
                      rs.getObject("completed_workout", UUID.class),
                      completedAt == null ? null : completedAt.toInstant()));
            });
    return byChallenge;
  }

  private Challenge visible(Viewer viewer, UUID id, boolean forUpdate) {
    return catalog
        .visible(id, viewer, forUpdate)
        .orElseThrow(() -> new NotFoundException("No challenge " + id + " is open to you"));
  }

  private Challenge managed(Viewer viewer, UUID id) {
    Challenge c = visible(viewer, id, true);
    mayManage(viewer, c.reach(), c.clubId());
    return c;
  }

  private void mayManage(Viewer viewer, Reach reach, UUID clubId) {
    if (viewer.admin()) {
      return;
    }
    if (reach != Reach.CLUB) {
      throw new AccessDeniedException(
          "Only admins manage challenges for everyone or a region; club admins manage their"
              + " club's");
    }
    boolean manager = social.roleIn(clubId, viewer.id()).map(CLUB_MANAGERS::contains).orElse(false);
    if (!manager) {
      throw new AccessDeniedException(
          "Only the owners and admins of club " + clubId + " manage its challenges");
    }
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw InvalidRequestException.of("timeZone", "is an IANA time zone such as Europe/Berlin");
    }
  }
}
