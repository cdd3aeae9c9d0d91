package io.stride.platform.blocks;

import io.stride.contracts.social.Blocked;
import io.stride.contracts.social.Unblocked;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blocks social-service announced, kept in the service's {@code blocked_pair} table: a service
 * that consumes {@code stride.social.graph} hands {@link Blocked} and {@link Unblocked} here from
 * its {@code @EventHandler}s and asks {@link #eitherWay} before showing one person, or what they
 * made, to another. Each pair only moves forward in version (events may be replayed or overtake
 * each other), and nothing is stored about a user this service erased.
 */
public class BlockedPairs {

  private final JdbcClient jdbc;

  BlockedPairs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void apply(Blocked event) {
    change(event.userId(), event.blockedId(), true, event.version());
  }

  @Transactional
  public void apply(Unblocked event) {
    change(event.userId(), event.blockedId(), false, event.version());
  }

  /** Whether either of the two blocked the other. */
  @Transactional(readOnly = true)
  public boolean eitherWay(UUID one, UUID other) {
    return jdbc.sql(
            """
            select exists (select 1 from blocked_pair where blocked
                             and ((blocker_id = :one and blocked_id = :other)
                               or (blocker_id = :other and blocked_id = :one)))
            """)
        .param("one", one)
        .param("other", other)
        .query(Boolean.class)
        .single();
  }

  private void change(UUID blocker, UUID blocked, boolean blocking, long version) {
    jdbc.sql(
            """
            insert into blocked_pair (blocker_id, blocked_id, blocked, version)
            select cast(:blocker as uuid), cast(:blocked as uuid), :blocking, :version
            where not exists (select 1 from erased_user
                              where user_id in (cast(:blocker as uuid), cast(:blocked as uuid)))
            on conflict (blocker_id, blocked_id) do update
              set blocked = excluded.blocked, version = excluded.version
              where blocked_pair.version < excluded.version
            """)
        .param("blocker", blocker)
        .param("blocked", blocked)
        .param("blocking", blocking)
        .param("version", version)
        .update();
  }
}
