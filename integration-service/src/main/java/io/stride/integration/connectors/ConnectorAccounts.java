package io.stride.integration.connectors;

import io.stride.integration.connectors.ImportConnector.RemoteTokens;
import io.stride.integration.webhooks.SecretSealer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code connector_account}: linked accounts, their tokens sealed. */
@Repository
class ConnectorAccounts {

  private static final String COLUMNS =
      "user_id, source, remote_id, remote_name, scopes, access_token, refresh_token, expires_at,"
          + " status, imported_after, next_sync_at, last_synced_at, last_error, connected_at";

  /** A linked account, its tokens opened. */
  record Account(
      UUID userId,
      String source,
      String remoteId,
      @Nullable String remoteName,
      List<String> scopes,
      RemoteTokens tokens,
      String status,
      Instant importedAfter,
      Instant nextSyncAt,
      @Nullable Instant lastSyncedAt,
      @Nullable String lastError,
      Instant connectedAt) {}

  private final JdbcClient jdbc;
  private final SecretSealer sealer;

  ConnectorAccounts(JdbcClient jdbc, SecretSealer sealer) {
    this.jdbc = jdbc;
    this.sealer = sealer;
  }

  /** Whose account there it is, when another Stride athlete linked it. */
  Optional<UUID> holderOf(String source, String remoteId) {
    return jdbc.sql("select user_id from connector_account where source = ? and remote_id = ?")
        .params(source, remoteId)
        .query(UUID.class)
        .optional();
  }

  /** Links (or links again: new tokens, active, due now; what was imported stays). */
  void link(Account account) {
    jdbc.sql(
            """
            insert into connector_account (user_id, source, remote_id, remote_name, scopes,
              access_token, refresh_token, expires_at, status, imported_after, next_sync_at,
              connected_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
            on conflict (user_id, source) do update set remote_id = excluded.remote_id,
              remote_name = excluded.remote_name, scopes = excluded.scopes,
              access_token = excluded.access_token, refresh_token = excluded.refresh_token,
              expires_at = excluded.expires_at, status = 'active', last_error = null,
              imported_after = case when connector_account.remote_id = excluded.remote_id
                then least(connector_account.imported_after, excluded.imported_after)
                else excluded.imported_after end,
              next_sync_at = excluded.next_sync_at
            """)
        .params(
            account.userId(),
            account.source(),
            account.remoteId(),
            account.remoteName(),
            account.scopes().toArray(String[]::new),
            sealer.seal(account.tokens().accessToken()),
            sealer.seal(account.tokens().refreshToken()),
            Timestamp.from(account.tokens().expiresAt()),
            Timestamp.from(account.importedAfter()),
            Timestamp.from(account.nextSyncAt()),
            Timestamp.from(account.connectedAt()))
        .update();
  }

  Optional<Account> find(UUID userId, String source) {
    return jdbc.sql(
            "select " + COLUMNS + " from connector_account where user_id = ? and source = ?")
        .params(userId, source)
        .query(this::read)
        .optional();
  }

  List<Account> ofUser(UUID userId) {
    return jdbc.sql(
            "select " + COLUMNS + " from connector_account where user_id = ? order by source")
        .param(userId)
        .query(this::read)
        .list();
  }

  /**
   * Takes the next due account for a pull turn, leased until {@code leaseUntil}: no other replica
   * takes it meanwhile, whatever moves its {@code next_sync_at} (a replica that died mid-turn frees
   * it when the lease ends).
   */
  Optional<Account> claimDue(Instant now, Instant leaseUntil) {
    return jdbc.sql(
            """
            update connector_account set leased_until = ?
            where (user_id, source) = (select user_id, source from connector_account
                                       where status = 'active' and next_sync_at <= ?
                                         and (leased_until is null or leased_until < ?)
                                       order by next_sync_at limit 1 for update skip locked)
            returning
            """
                + COLUMNS)
        .params(Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now))
        .query(this::read)
        .optional();
  }

  void tokensRefreshed(UUID userId, String source, RemoteTokens tokens) {
    jdbc.sql(
            """
            update connector_account set access_token = ?, refresh_token = ?, expires_at = ?
            where user_id = ? and source = ?
            """)
        .params(
            sealer.seal(tokens.accessToken()),
            sealer.seal(tokens.refreshToken()),
            Timestamp.from(tokens.expiresAt()),
            userId,
            source)
        .update();
  }

  /** Handed over up to {@code importedAfter}; an unlink meanwhile leaves nothing to update. */
  void advanced(UUID userId, String source, Instant importedAfter) {
    jdbc.sql(
            """
            update connector_account set imported_after = greatest(imported_after, ?)
            where user_id = ? and source = ?
            """)
        .params(Timestamp.from(importedAfter), userId, source)
        .update();
  }

  /** The turn ended: next one at {@code next}, with the error it met (or null). */
  void turnEnded(
      UUID userId, String source, Instant next, @Nullable Instant synced, @Nullable String error) {
    jdbc.sql(
            """
            update connector_account set next_sync_at = ?, leased_until = null,
              last_synced_at = coalesce(?, last_synced_at), last_error = ?
            where user_id = ? and source = ?
            """)
        .params(
            Timestamp.from(next),
            synced == null ? null : Timestamp.from(synced),
            error == null ? null : error.substring(0, Math.min(500, error.length())),
            userId,
            source)
        .update();
  }

  /** The tokens stopped working: nothing is pulled until the athlete links it again. */
  void needsReauthorization(UUID userId, String source, String error) {
    jdbc.sql(
            """
            update connector_account set status = 'reauthorize', last_error = ?,
              leased_until = null
            where user_id = ? and source = ?
            """)
        .params(error.substring(0, Math.min(500, error.length())), userId, source)
        .update();
  }

  /** Brings the next pull forward to now (the athlete asked); false when not linked. */
  boolean dueNow(UUID userId, String source, Instant now) {
    return jdbc.sql(
                """
                update connector_account set next_sync_at = least(next_sync_at, ?)
                where user_id = ? and source = ? and status = 'active'
                """)
            .params(Timestamp.from(now), userId, source)
            .update()
        == 1;
  }

  boolean unlink(UUID userId, String source) {
    return jdbc.sql("delete from connector_account where user_id = ? and source = ?")
            .params(userId, source)
            .update()
        == 1;
  }

  private Account read(ResultSet rs, int row) throws SQLException {
    Timestamp synced = rs.getTimestamp("last_synced_at");
    return new Account(
        rs.getObject("user_id", UUID.class),
        rs.getString("source"),
        rs.getString("remote_id"),
        rs.getString("remote_name"),
        Arrays.asList((String[]) rs.getArray("scopes").getArray()),
        new RemoteTokens(
            sealer.open(rs.getString("access_token")),
            sealer.open(rs.getString("refresh_token")),
            rs.getTimestamp("expires_at").toInstant()),
        rs.getString("status"),
        rs.getTimestamp("imported_after").toInstant(),
        rs.getTimestamp("next_sync_at").toInstant(),
        synced == null ? null : synced.toInstant(),
        rs.getString("last_error"),
        rs.getTimestamp("connected_at").toInstant());
  }
}
