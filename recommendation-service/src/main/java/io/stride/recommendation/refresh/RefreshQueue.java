package io.stride.recommendation.refresh;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which athletes' lists must be recomputed: an event that changes an athlete's inputs makes them
 * due after the debounce; more events before then join the same recomputation.
 */
@Repository
public class RefreshQueue {

  private final JdbcClient jdbc;
  private final RefreshProperties properties;
  private final Clock clock;

  RefreshQueue(JdbcClient jdbc, RefreshProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  public void due(UUID user) {
    due(List.of(user));
  }

  /**
   * Makes these athletes due (those already due keep their earlier time; repeats are one). Rows are
   * locked in id order, so two events making overlapping crowds due cannot deadlock.
   */
  public void due(Collection<UUID> users) {
    if (users.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into refresh (user_id, due_at)
            select u, cast(? as timestamptz) from unnest(?) as u
            where not exists (select 1 from erased_user e where e.user_id = u)
            order by u
            on conflict (user_id) do update set due_at = coalesce(refresh.due_at, excluded.due_at)
            """)
        .params(
            Timestamp.from(clock.instant().plus(properties.debounce())),
            new LinkedHashSet<>(users).toArray(new UUID[0]))
        .update();
  }
}
