package io.stride.promo.rewards;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The premium entitlement: until when an athlete has premium. Days granted add up. */
@Repository
public class Premium {

  private final JdbcClient jdbc;

  Premium(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds {@code days} from the later of now and the current end; returns the new end. */
  Instant extend(UUID user, int days, Instant now) {
    return jdbc.sql(
            "insert into premium (user_id, until) values (?, cast(? as timestamptz) + make_interval(days => ?))"
                + " on conflict (user_id) do update set until ="
                + " greatest(premium.until, cast(? as timestamptz)) + make_interval(days => ?) returning until")
        .params(user, Timestamp.from(now), days, Timestamp.from(now), days)
        .query(Timestamp.class)
        .single()
        .toInstant();
  }

  public Optional<Instant> until(UUID user) {
    return jdbc.sql("select until from premium where user_id = ?")
        .param(user)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }
}
