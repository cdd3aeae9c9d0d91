package io.stride.integration.delivery;

import io.stride.integration.delivery.DeliveryViews.AttemptView;
import io.stride.integration.delivery.DeliveryViews.DeliveryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code delivery} and {@code delivery_attempt}: the queue and its log. */
@Repository
class Deliveries {

  private static final String COLUMNS =
      "delivery_id, webhook_id, event_type, status, attempts, created_at, next_attempt_at,"
          + " last_attempt_at, delivered_at";

  private final JdbcClient jdbc;

  Deliveries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Queues one message to several endpoints in one statement; nothing for an endpoint that already
   * has this source event's. How many were queued.
   */
  int insertAll(
      List<UUID> endpointIds,
      List<String> webhookIds,
      UUID sourceEventId,
      UUID userId,
      String type,
      String body,
      Instant now) {
    return jdbc.sql(
            """
            insert into delivery (delivery_id, webhook_id, endpoint_id, source_event_id, user_id,
              event_type, body, status, created_at, next_attempt_at)
            select gen_random_uuid(), t.webhook_id, t.endpoint_id, ?, ?, ?, ?, 'pending', ?, ?
            from unnest(cast(? as uuid[]), cast(? as text[])) as t(endpoint_id, webhook_id)
            on conflict do nothing
            """)
        .params(
            sourceEventId,
            userId,
            type,
            body,
            Timestamp.from(now),
            Timestamp.from(now),
            endpointIds.toArray(UUID[]::new),
            webhookIds.toArray(String[]::new))
        .update();
  }

  List<DeliveryView> page(
      UUID endpointId, @Nullable String status, Instant createdAt, UUID id, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from delivery where endpoint_id = ? and (cast(? as text) is null or status = ?)"
                + " and (created_at, delivery_id) < (?, ?)"
                + " order by created_at desc, delivery_id desc limit ?")
        .params(endpointId, status, status, Timestamp.from(createdAt), id, limit)
        .query(Deliveries::read)
        .list();
  }

  boolean exists(UUID endpointId, UUID deliveryId) {
    return jdbc.sql("select count(*) from delivery where endpoint_id = ? and delivery_id = ?")
            .params(endpointId, deliveryId)
            .query(Long.class)
            .single()
        > 0;
  }

  List<AttemptView> attempts(UUID deliveryId, long before, int limit) {
    return jdbc.sql(
            """
            select attempt_id, attempted_at, outcome, status_code, duration_ms, error
            from delivery_attempt where delivery_id = ? and attempt_id < ?
            order by attempt_id desc limit ?
            """)
        .params(deliveryId, before, limit)
        .query(
            (rs, row) ->
                new AttemptView(
                    rs.getLong("attempt_id"),
                    rs.getTimestamp("attempted_at").toInstant(),
                    rs.getString("outcome"),
                    (Integer) rs.getObject("status_code"),
                    rs.getLong("duration_ms"),
                    rs.getString("error")))
        .list();
  }

  /**
   * Everything made for the endpoint since {@code since} is due again now, as new: the three days
   * start over, the ids stay. Never what was cancelled, nor anything about an athlete who has
   * disconnected the partner since (only their {@code athlete.deauthorized} goes again).
   */
  int requeue(UUID endpointId, Instant since, Instant now) {
    return jdbc.sql(
            """
            update delivery set status = 'pending', next_attempt_at = ?, first_attempt_at = null,
              attempts = 0
            where endpoint_id = ? and created_at >= ? and status <> 'cancelled'
              and (event_type = 'athlete.deauthorized'
                   or exists (select 1 from connection c
                              join partner p on p.client_id = c.client_id
                              join webhook_endpoint e on e.partner_id = p.partner_id
                              where e.endpoint_id = delivery.endpoint_id
                                and c.user_id = delivery.user_id))
            """)
        .params(Timestamp.from(now), endpointId, Timestamp.from(since))
        .update();
  }

  /** The partner's deliveries about the athlete still waiting: cancelled, never to go out. */
  int cancelPending(UUID userId, UUID partnerId) {
    return jdbc.sql(
            """
            update delivery set status = 'cancelled'
            where user_id = ? and status = 'pending'
              and endpoint_id in (select endpoint_id from webhook_endpoint where partner_id = ?)
            """)
        .params(userId, partnerId)
        .update();
  }

  long due(Instant now) {
    return jdbc.sql(
            "select count(*) from delivery where status = 'pending' and next_attempt_at <= ?")
        .param(Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  Optional<UUID> anyDueEndpoint(Instant now) {
    return jdbc.sql(
            """
            select d.endpoint_id from delivery d join webhook_endpoint e using (endpoint_id)
            where d.status = 'pending' and d.next_attempt_at <= ? and e.enabled limit 1
            """)
        .param(Timestamp.from(now))
        .query(UUID.class)
        .optional();
  }

  private static DeliveryView read(ResultSet rs, int row) throws SQLException {
    Timestamp last = rs.getTimestamp("last_attempt_at");
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new DeliveryView(
        rs.getObject("delivery_id", UUID.class),
        rs.getString("webhook_id"),
        rs.getString("event_type"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("next_attempt_at").toInstant(),
        last == null ? null : last.toInstant(),
        delivered == null ? null : delivered.toInstant());
  }
}
