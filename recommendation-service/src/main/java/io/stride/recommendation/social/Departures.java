package io.stride.recommendation.social;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The clubs and challenges an athlete left: never suggested to them again. */
public final class Departures {

  private Departures() {}

  /** Records that {@code athlete} left the {@code kind} ({@code club}, {@code challenge}). */
  public static void record(JdbcClient jdbc, UUID athlete, String kind, UUID target, Instant at) {
    jdbc.sql(
            """
            insert into departure (athlete_id, kind, target_id, left_at)
            select cast(:athlete as uuid), :kind, cast(:target as uuid), :at
            where not exists (select 1 from erased_user where user_id = cast(:athlete as uuid))
            on conflict do nothing
            """)
        .param("athlete", athlete)
        .param("kind", kind)
        .param("target", target)
        .param("at", Timestamp.from(at))
        .update();
  }
}
