package io.stride.integration.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code webhook_endpoint} and {@code signing_secret}. */
@Repository
class Endpoints {

  private static final String COLUMNS =
      "endpoint_id, partner_id, url, event_types, enabled, failing_since, disabled_at,"
          + " created_at, updated_at";

  private final JdbcClient jdbc;

  Endpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(EndpointView endpoint) {
    jdbc.sql("insert into webhook_endpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            endpoint.id(),
            endpoint.partnerId(),
            endpoint.url(),
            endpoint.eventTypes().toArray(String[]::new),
            endpoint.enabled(),
            null,
            null,
            Timestamp.from(endpoint.createdAt()),
            Timestamp.from(endpoint.updatedAt()))
        .update();
  }

  /** Changes url, types and switch; switching on clears the failure run and the disabling. */
  void update(UUID id, String url, List<String> types, boolean enabled, Instant now) {
    jdbc.sql(
            """
            update webhook_endpoint set url = ?, event_types = ?, enabled = ?, updated_at = ?,
              failing_since = case when ? and not enabled then null else failing_since end,
              disabled_at = case when ? then null else disabled_at end
            where endpoint_id = ?
            """)
        .params(
            url, types.toArray(String[]::new), enabled, Timestamp.from(now), enabled, enabled, id)
        .update();
  }

  Optional<EndpointView> find(UUID partnerId, UUID id) {
    return jdbc.sql(
            "select " + COLUMNS + " from webhook_endpoint where partner_id = ? and endpoint_id = ?")
        .params(partnerId, id)
        .query(Endpoints::read)
        .optional();
  }

  Optional<EndpointView> lock(UUID partnerId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_endpoint where partner_id = ? and endpoint_id = ? for update")
        .params(partnerId, id)
        .query(Endpoints::read)
        .optional();
  }

  List<EndpointView> page(UUID partnerId, Instant createdAt, UUID id, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from webhook_endpoint where partner_id = ? and (created_at, endpoint_id) < (?, ?)"
                + " order by created_at desc, endpoint_id desc limit ?")
        .params(partnerId, Timestamp.from(createdAt), id, limit)
        .query(Endpoints::read)
        .list();
  }

  void insertSecret(UUID endpointId, String sealed, Instant now) {
    jdbc.sql(
            "insert into signing_secret (secret_id, endpoint_id, sealed, created_at)"
                + " values (?, ?, ?, ?)")
        .params(UUID.randomUUID(), endpointId, sealed, Timestamp.from(now))
        .update();
  }

  /** The current secret (no expiry), sealed. */
  Optional<String> currentSecret(UUID endpointId) {
    return jdbc.sql(
            "select sealed from signing_secret where endpoint_id = ? and expires_at is null")
        .param(endpointId)
        .query(String.class)
        .optional();
  }

  /**
   * Rotation's first half: drops secrets already being retired (an endpoint holds at most two) and
   * retires the current one at {@code expiresAt}.
   */
  void retireCurrent(UUID endpointId, Instant expiresAt) {
    jdbc.sql("delete from signing_secret where endpoint_id = ? and expires_at is not null")
        .param(endpointId)
        .update();
    jdbc.sql(
            "update signing_secret set expires_at = ? where endpoint_id = ? and expires_at is null")
        .params(Timestamp.from(expiresAt), endpointId)
        .update();
  }

  /** Until when a secret replaced by a rotation still signs, if one does at {@code now}. */
  Optional<Instant> retiringUntil(UUID endpointId, Instant now) {
    return jdbc.sql(
            "select expires_at from signing_secret where endpoint_id = ? and expires_at > ?"
                + " order by expires_at desc limit 1")
        .params(endpointId, Timestamp.from(now))
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /** Whether the endpoint's first secret was replaced (a rotation happened since it was made). */
  boolean rotatedSinceCreation(UUID endpointId) {
    return jdbc.sql("select count(*) from signing_secret where endpoint_id = ?")
                .param(endpointId)
                .query(Long.class)
                .single()
            > 1
        || jdbc.sql(
                    "select count(*) from signing_secret where endpoint_id = ? and expires_at is"
                        + " null and created_at > (select created_at from webhook_endpoint"
                        + " where endpoint_id = ?)")
                .params(endpointId, endpointId)
                .query(Long.class)
                .single()
            > 0;
  }

  /** Sealed secrets that sign at {@code now}: the current one first, then one still retiring. */
  List<String> signingSecrets(UUID endpointId, Instant now) {
    return jdbc.sql(
            """
            select sealed from signing_secret
            where endpoint_id = ? and (expires_at is null or expires_at > ?)
            order by created_at desc
            """)
        .params(endpointId, Timestamp.from(now))
        .query(String.class)
        .list();
  }

  private static EndpointView read(ResultSet rs, int row) throws SQLException {
    Timestamp failing = rs.getTimestamp("failing_since");
    Timestamp disabled = rs.getTimestamp("disabled_at");
    return new EndpointView(
        rs.getObject("endpoint_id", UUID.class),
        rs.getObject("partner_id", UUID.class),
        rs.getString("url"),
        Arrays.asList((String[]) rs.getArray("event_types").getArray()),
        rs.getBoolean("enabled"),
        failing == null ? null : failing.toInstant(),
        disabled == null ? null : disabled.toInstant(),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
