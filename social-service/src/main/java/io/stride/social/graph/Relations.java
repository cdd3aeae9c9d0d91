package io.stride.social.graph;

import io.stride.social.athletes.AthleteCard;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What one athlete is to another, decided in one place: a block either way hides both from each
 * other; a private account's followers and following are seen only by itself and its approved
 * followers.
 */
@Component
class Relations {

  private final JdbcClient jdbc;

  Relations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean blockedEitherWay(UUID one, UUID other) {
    return jdbc.sql(
            "select exists (select 1 from block where (blocker_id = :a and blocked_id = :b)"
                + " or (blocker_id = :b and blocked_id = :a))")
        .param("a", one)
        .param("b", other)
        .query(Boolean.class)
        .single();
  }

  /** {@code PENDING}, {@code APPROVED}, or empty when {@code follower} does not follow. */
  Optional<String> followStatus(UUID follower, UUID user) {
    return jdbc.sql("select status from follow where follower_id = ? and user_id = ?")
        .param(follower)
        .param(user)
        .query(String.class)
        .optional();
  }

  boolean follows(UUID follower, UUID user) {
    return followStatus(follower, user).filter("APPROVED"::equals).isPresent();
  }

  boolean mutes(UUID muter, UUID muted) {
    return jdbc.sql("select exists (select 1 from mute where muter_id = ? and muted_id = ?)")
        .param(muter)
        .param(muted)
        .query(Boolean.class)
        .single();
  }

  boolean blocks(UUID blocker, UUID blocked) {
    return jdbc.sql("select exists (select 1 from block where blocker_id = ? and blocked_id = ?)")
        .param(blocker)
        .param(blocked)
        .query(Boolean.class)
        .single();
  }

  /** Whether {@code viewer} may see who {@code athlete} follows and is followed by. */
  boolean maySeeConnectionsOf(UUID viewer, AthleteCard athlete) {
    return viewer.equals(athlete.id())
        || !athlete.accountPrivate()
        || follows(viewer, athlete.id());
  }
}
