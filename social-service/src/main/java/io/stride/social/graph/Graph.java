package io.stride.social.graph;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.FollowRequested;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.Unblocked;
import io.stride.contracts.social.Unfollowed;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.locks.TransactionLocks;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.stride.social.athletes.AthleteCard;
import io.stride.social.athletes.Athletes;
import io.stride.social.feed.FeedRows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of who follows, blocks and mutes whom, each in one transaction with its events
 * (outbox). A change of a pair holds the pair's lock, so two requests about the same two people
 * never interleave. Asking for what already holds changes nothing and publishes nothing.
 */
@Service
public class Graph {

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final Relations relations;
  private final EventPublisher events;
  private final FeedRows feed;
  private final Clock clock;

  Graph(
      JdbcClient jdbc,
      Athletes athletes,
      Relations relations,
      EventPublisher events,
      FeedRows feed,
      Clock clock) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.relations = relations;
    this.events = events;
    this.feed = feed;
    this.clock = clock;
  }

  /** Follows a public account at once; asks a private one. Asking again answers the same. */
  @Transactional
  FollowState follow(UUID me, UUID athleteId) {
    notMyself(me, athleteId, "follow");
    lockPair(me, athleteId);
    AthleteCard athlete = visibleOther(me, athleteId, "follow");
    var existing =
        jdbc.sql("select status, since from follow where follower_id = ? and user_id = ?")
            .params(me, athleteId)
            .query(
                (rs, row) ->
                    FollowState.of(
                        athleteId, rs.getString("status"), rs.getTimestamp("since").toInstant()))
            .optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = now();
    String status = athlete.accountPrivate() ? "PENDING" : "APPROVED";
    jdbc.sql("insert into follow (follower_id, user_id, status, since) values (?, ?, ?, ?)")
        .params(me, athleteId, status, java.sql.Timestamp.from(now))
        .update();
    if (!athlete.accountPrivate()) {
      followBegan(me, athleteId);
    }
    long version = nextVersion();
    events.publish(
        athlete.accountPrivate()
            ? new FollowRequested(me, athleteId, now, version)
            : new Followed(me, athleteId, false, now, version));
    return FollowState.of(athleteId, status, now);
  }

  /** Stops following, or takes back a request not yet answered. */
  @Transactional
  void unfollow(UUID me, UUID athleteId) {
    lockPair(me, athleteId);
    relations
        .followStatus(me, athleteId)
        .ifPresent(
            status ->
                end(me, athleteId, "APPROVED".equals(status) ? "UNFOLLOWED" : "REQUEST_CANCELLED"));
  }

  /** Approves a request to follow me; 404 when there is none (approving twice is one approval). */
  @Transactional
  void approve(UUID me, UUID requester) {
    lockPair(me, requester);
    String status =
        relations
            .followStatus(requester, me)
            .orElseThrow(() -> new NotFoundException("No follow request from " + requester));
    if (status.equals("APPROVED")) {
      return;
    }
    approveRequest(requester, me);
  }

  /** Declines a request to follow me; nothing to decline is fine. */
  @Transactional
  void decline(UUID me, UUID requester) {
    lockPair(me, requester);
    relations
        .followStatus(requester, me)
        .filter("PENDING"::equals)
        .ifPresent(status -> end(requester, me, "REQUEST_DECLINED"));
  }

  /** Removes a follower of mine. */
  @Transactional
  void removeFollower(UUID me, UUID follower) {
    lockPair(me, follower);
    relations
        .followStatus(follower, me)
        .filter("APPROVED"::equals)
        .ifPresent(status -> end(follower, me, "REMOVED"));
  }

  /** Blocks an athlete: ends every follow and request between us, both ways. */
  @Transactional
  void block(UUID me, UUID athleteId) {
    notMyself(me, athleteId, "block");
    lockPair(me, athleteId);
    if (relations.blocks(me, athleteId)) {
      return;
    }
    // blocking someone who blocked me is allowed (and reveals nothing): both blocks then hold
    if (athletes.find(athleteId).isEmpty()) {
      throw new NotFoundException("No athlete " + athleteId);
    }
    Instant now = now();
    relations.followStatus(me, athleteId).ifPresent(status -> end(me, athleteId, "BLOCKED"));
    relations.followStatus(athleteId, me).ifPresent(status -> end(athleteId, me, "BLOCKED"));
    jdbc.sql("insert into block (blocker_id, blocked_id, since) values (?, ?, ?)")
        .params(me, athleteId, java.sql.Timestamp.from(now))
        .update();
    events.publish(new Blocked(me, athleteId, now, nextVersion()));
  }

  @Transactional
  void unblock(UUID me, UUID athleteId) {
    lockPair(me, athleteId);
    int removed =
        jdbc.sql("delete from block where blocker_id = ? and blocked_id = ?")
            .params(me, athleteId)
            .update();
    if (removed > 0) {
      events.publish(new Unblocked(me, athleteId, now(), nextVersion()));
    }
  }

  /** Hides an athlete's activities from my feed; I still follow them. Private to me: no event. */
  @Transactional
  void mute(UUID me, UUID athleteId) {
    visibleOther(me, athleteId, "mute");
    jdbc.sql(
            "insert into mute (muter_id, muted_id, since) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(me, athleteId, java.sql.Timestamp.from(now()))
        .update();
  }

  @Transactional
  void unmute(UUID me, UUID athleteId) {
    jdbc.sql("delete from mute where muter_id = ? and muted_id = ?").params(me, athleteId).update();
  }

  /** An account turned public: everyone who asked to follow it now follows it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void approvePendingRequestsOf(UUID user) {
    List<UUID> requesters =
        jdbc.sql("select follower_id from follow where user_id = ? and status = 'PENDING'")
            .param(user)
            .query(UUID.class)
            .list();
    for (UUID requester : requesters) {
      lockPair(requester, user);
      if (relations.followStatus(requester, user).filter("PENDING"::equals).isPresent()) {
        approveRequest(requester, user);
      }
    }
  }

  private void approveRequest(UUID follower, UUID user) {
    Instant now = now();
    jdbc.sql(
            "update follow set status = 'APPROVED', since = ? where follower_id = ? and user_id = ?")
        .params(java.sql.Timestamp.from(now), follower, user)
        .update();
    followBegan(follower, user);
    events.publish(new Followed(follower, user, true, now, nextVersion()));
  }

  /** An approved follow began: counted, and the athlete's recent workouts in the feed. */
  private void followBegan(UUID follower, UUID user) {
    jdbc.sql("update athlete set followers = followers + 1 where user_id = ?").param(user).update();
    feed.followed(follower, user);
  }

  private void end(UUID follower, UUID user, String reason) {
    String status =
        jdbc.sql("delete from follow where follower_id = ? and user_id = ? returning status")
            .params(follower, user)
            .query(String.class)
            .single();
    if (status.equals("APPROVED")) {
      jdbc.sql("update athlete set followers = greatest(followers - 1, 0) where user_id = ?")
          .param(user)
          .update();
      feed.unfollowed(follower, user);
    }
    events.publish(new Unfollowed(follower, user, reason, now(), nextVersion()));
  }

  /** Another athlete the caller may see: 404 for one unknown or blocked either way. */
  private AthleteCard visibleOther(UUID me, UUID athleteId, String action) {
    notMyself(me, athleteId, action);
    return athletes
        .find(athleteId)
        .filter(athlete -> !relations.blockedEitherWay(me, athleteId))
        .orElseThrow(() -> new NotFoundException("No athlete " + athleteId));
  }

  private static void notMyself(UUID me, UUID athleteId, String action) {
    if (me.equals(athleteId)) {
      throw InvalidRequestException.of(
          "athleteId", "is your own id: you cannot " + action + " yourself");
    }
  }

  private void lockPair(UUID one, UUID other) {
    String pair = one.compareTo(other) < 0 ? one + ":" + other : other + ":" + one;
    TransactionLocks.hold(jdbc, "pair:" + pair);
  }

  /** Now, to the microsecond PostgreSQL keeps, so an answer and a later read agree. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  private long nextVersion() {
    return jdbc.sql("select nextval('graph_version')").query(Long.class).single();
  }
}
