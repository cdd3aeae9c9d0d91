package io.stride.integration.connectors;

import io.stride.platform.idempotency.IdempotencyKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code connector_authorization}: the {@code state} of each consent page an athlete was sent
 * to, stored as its SHA-256, taken once, by that athlete only, within 10 minutes (OAuth 2 CSRF
 * protection, RFC 6749 §10.12).
 */
@Repository
class ConnectorAuthorizations {

  static final Duration VALID_FOR = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  ConnectorAuthorizations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new state for the athlete's consent page at {@code source}. */
  String begin(UUID userId, String source, String redirectUri, Instant now) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql("delete from connector_authorization where expires_at < ?")
        .param(Timestamp.from(now))
        .update();
    jdbc.sql(
            """
            insert into connector_authorization (state_sha256, user_id, source, redirect_uri,
              expires_at) values (?, ?, ?, ?, ?)
            """)
        .params(hash(state), userId, source, redirectUri, Timestamp.from(now.plus(VALID_FOR)))
        .update();
    return state;
  }

  /** Takes the athlete's state (it is gone after): the redirect URI it was begun with. */
  Optional<String> take(UUID userId, String source, String state, Instant now) {
    return jdbc.sql(
            """
            delete from connector_authorization
            where state_sha256 = ? and user_id = ? and source = ? and expires_at >= ?
            returning redirect_uri
            """)
        .params(hash(state), userId, source, Timestamp.from(now))
        .query(String.class)
        .optional();
  }

  int forget(UUID userId) {
    return jdbc.sql("delete from connector_authorization where user_id = ?").param(userId).update();
  }

  private static String hash(String state) {
    return IdempotencyKeys.sha256(state.getBytes(StandardCharsets.UTF_8));
  }
}
