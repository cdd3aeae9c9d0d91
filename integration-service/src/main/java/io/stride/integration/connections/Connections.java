package io.stride.integration.connections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who connected which OAuth client (auth-service's {@code DeviceLinked}): kept for every client,
 * whether a partner holds it yet or not, so a partner linked to its client later already knows the
 * athletes who connected it. Trackers' device clients are kept too (a few rows an athlete); nothing
 * is sent for them, no partner holds them.
 */
@Component
public class Connections {

  private final JdbcClient jdbc;

  Connections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void connected(UUID userId, String clientId, Instant at) {
    jdbc.sql(
            """
            insert into connection (client_id, user_id, connected_at) values (?, ?, ?)
            on conflict (client_id, user_id) do nothing
            """)
        .params(clientId, userId, Timestamp.from(at))
        .update();
  }
}
