package io.stride.integration.pushes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code push_secret}: the secrets partners sign their pushes with, sealed. */
@Repository
class PushSecrets {

  private final JdbcClient jdbc;

  PushSecrets(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the partner's row lock: one secret change of a partner at a time. */
  boolean lockPartner(UUID partnerId) {
    return jdbc.sql("select partner_id from partner where partner_id = ? for update")
        .param(partnerId)
        .query(UUID.class)
        .optional()
        .isPresent();
  }

  boolean hasCurrent(UUID partnerId) {
    return jdbc.sql("select count(*) from push_secret where partner_id = ? and expires_at is null")
            .param(partnerId)
            .query(Long.class)
            .single()
        > 0;
  }

  void insert(UUID partnerId, String sealed, Instant now) {
    jdbc.sql(
            "insert into push_secret (secret_id, partner_id, sealed, created_at)"
                + " values (?, ?, ?, ?)")
        .params(UUID.randomUUID(), partnerId, sealed, Timestamp.from(now))
        .update();
  }

  /** Drops secrets already retiring (a partner holds at most two), retires the current one. */
  void retireCurrent(UUID partnerId, Instant expiresAt) {
    jdbc.sql("delete from push_secret where partner_id = ? and expires_at is not null")
        .param(partnerId)
        .update();
    jdbc.sql("update push_secret set expires_at = ? where partner_id = ? and expires_at is null")
        .params(Timestamp.from(expiresAt), partnerId)
        .update();
  }

  /** Until when a secret replaced by a rotation still verifies, if one does at {@code now}. */
  Optional<Instant> retiringUntil(UUID partnerId, Instant now) {
    return jdbc.sql(
            "select expires_at from push_secret where partner_id = ? and expires_at > ?"
                + " order by expires_at desc limit 1")
        .params(partnerId, Timestamp.from(now))
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /** Sealed secrets that verify at {@code now}: the current one first, then one retiring. */
  List<String> verifying(UUID partnerId, Instant now) {
    return jdbc.sql(
            """
            select sealed from push_secret
            where partner_id = ? and (expires_at is null or expires_at > ?)
            order by created_at desc
            """)
        .params(partnerId, Timestamp.from(now))
        .query(String.class)
        .list();
  }
}
