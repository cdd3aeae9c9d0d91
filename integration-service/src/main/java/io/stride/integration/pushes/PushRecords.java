package io.stride.integration.pushes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code partner_push}. */
@Repository
class PushRecords {

  private static final String COLUMNS =
      "push_id, user_id, external_id, file_name, status, workout_id, reason, received_at,"
          + " finished_at";

  private final JdbcClient jdbc;

  PushRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether it was stored: false when the webhook-id or the external id is taken already. */
  boolean insert(UUID partnerId, String webhookId, String bodySha256, PushView push) {
    return jdbc.sql(
                """
                insert into partner_push (push_id, partner_id, webhook_id, body_sha256, user_id,
                  external_id, file_name, status, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                """)
            .params(
                push.id(),
                partnerId,
                webhookId,
                bodySha256,
                push.athleteId(),
                push.externalId(),
                push.fileName(),
                push.status(),
                Timestamp.from(push.receivedAt()))
            .update()
        > 0;
  }

  /** The push made by the request with this webhook-id, with the hash of that request's body. */
  Optional<Sent> byWebhookId(UUID partnerId, String webhookId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", body_sha256 from partner_push where partner_id = ? and webhook_id = ?")
        .params(partnerId, webhookId)
        .query((rs, row) -> new Sent(read(rs, row), rs.getString("body_sha256")))
        .optional();
  }

  Optional<PushView> byExternalId(UUID partnerId, UUID userId, String externalId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from partner_push where partner_id = ? and user_id = ? and external_id = ?")
        .params(partnerId, userId, externalId)
        .query(PushRecords::read)
        .optional();
  }

  Optional<PushView> find(UUID partnerId, UUID pushId) {
    return jdbc.sql("select " + COLUMNS + " from partner_push where partner_id = ? and push_id = ?")
        .params(partnerId, pushId)
        .query(PushRecords::read)
        .optional();
  }

  /** Finishes a push still being imported; a later or repeated outcome changes nothing. */
  int finish(
      UUID pushId, String status, @Nullable UUID workoutId, @Nullable String reason, Instant at) {
    return jdbc.sql(
            """
            update partner_push set status = ?, workout_id = ?, reason = ?, finished_at = ?
            where push_id = ? and status = 'accepted'
            """)
        .params(status, workoutId, reason, Timestamp.from(at), pushId)
        .update();
  }

  int deleteReceivedBefore(Instant cutoff) {
    return jdbc.sql("delete from partner_push where received_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private static PushView read(ResultSet rs, int row) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new PushView(
        rs.getObject("push_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("external_id"),
        rs.getString("file_name"),
        rs.getString("status"),
        rs.getObject("workout_id", UUID.class),
        rs.getString("reason"),
        rs.getTimestamp("received_at").toInstant(),
        finished == null ? null : finished.toInstant());
  }

  /** A push and the hash of the body that made it. */
  record Sent(PushView push, String bodySha256) {}
}
