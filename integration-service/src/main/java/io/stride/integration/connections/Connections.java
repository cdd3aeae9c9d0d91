package io.stride.integration.connections;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who connected which OAuth client (auth-service's {@code DeviceLinked}), with what they granted:
 * kept for every client, whether a partner holds it yet or not, so a partner linked to its client
 * later already knows the athletes who connected it. Trackers' device clients are kept too (a few
 * rows an athlete); nothing is sent for them, no partner holds them.
 */
@Component
class Connections {

  private final JdbcClient jdbc;

  Connections(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the connection; a repeated announcement (another device of the client) keeps the first
   * time and takes the newest scopes it names.
   *
   * @param scopes what the athlete granted; null when the announcement did not say (version 1)
   * @return whether the athlete had no connection to the client before; false too for a link older
   *     than the athlete's last disconnection of the client (a late or replayed event), which
   *     connects nothing
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean connected(UUID userId, String clientId, @Nullable List<String> scopes, Instant at) {
    String[] granted = scopes == null ? null : scopes.toArray(String[]::new);
    List<Boolean> inserted =
        jdbc.sql(
                """
                insert into connection (client_id, user_id, connected_at, scopes)
                select ?, ?, ?, cast(? as text[])
                where not exists (select 1 from disconnection d
                                  where d.client_id = ? and d.user_id = ? and d.disconnected_at >= ?)
                on conflict (client_id, user_id)
                  do update set scopes = coalesce(excluded.scopes, connection.scopes)
                returning (xmax = 0)
                """)
            .params(
                clientId, userId, Timestamp.from(at), granted, clientId, userId, Timestamp.from(at))
            .query(Boolean.class)
            .list();
    return !inserted.isEmpty() && Boolean.TRUE.equals(inserted.get(0));
  }

  /**
   * What the athlete granted the client: empty when not connected; a connection announced without
   * scopes (version 1) holds {@code fallback}, the scopes its partner may be granted.
   */
  Optional<List<String>> granted(UUID userId, String clientId, List<String> fallback) {
    return jdbc.sql("select scopes from connection where client_id = ? and user_id = ?")
        .params(clientId, userId)
        .query(
            (rs, row) -> {
              java.sql.Array scopes = rs.getArray("scopes");
              return scopes == null ? fallback : List.of((String[]) scopes.getArray());
            })
        .optional();
  }

  /** Drops the connection and remembers when; whether there was one. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean disconnected(UUID userId, String clientId, Instant at) {
    jdbc.sql(
            """
            insert into disconnection (client_id, user_id, disconnected_at) values (?, ?, ?)
            on conflict (client_id, user_id) do update
              set disconnected_at = greatest(disconnection.disconnected_at, excluded.disconnected_at)
            """)
        .params(clientId, userId, Timestamp.from(at))
        .update();
    return jdbc.sql("delete from connection where client_id = ? and user_id = ?")
            .params(clientId, userId)
            .update()
        > 0;
  }
}
