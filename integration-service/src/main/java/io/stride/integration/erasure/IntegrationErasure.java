package io.stride.integration.erasure;

import io.stride.platform.erasure.PlatformErasure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything integration-service holds about a deleted account: its connections, the
 * partners' pushes for it, and every delivery about it (queued or sent, with their attempts), whose
 * bodies name the athlete, but the partners' {@code athlete.deauthorized} of the deletion itself,
 * which go once delivered or given up on (ADR 0038).
 */
@Service
public class IntegrationErasure {

  private static final Logger log = LoggerFactory.getLogger(IntegrationErasure.class);

  private final JdbcClient jdbc;
  private final PlatformErasure platform;

  IntegrationErasure(JdbcClient jdbc, PlatformErasure platform) {
    this.jdbc = jdbc;
    this.platform = platform;
  }

  /**
   * Runs inside the inbox transaction of the UserDeleted event ({@code sourceEventId}); keeps only
   * the {@code athlete.deauthorized} messages that event queued, which the delivery worker removes
   * once each was delivered or given up on.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId, UUID sourceEventId) {
    long rows =
        jdbc.sql(
                """
                delete from delivery where user_id = ?
                  and not (source_event_id = ? and event_type = 'athlete.deauthorized'
                           and status = 'pending')
                """)
            .params(userId, sourceEventId)
            .update();
    rows += jdbc.sql("delete from connection where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from disconnection where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from workout_visibility where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from partner_push where user_id = ?").param(userId).update();
    // linked accounts on other platforms: tokens, pending consents, what was pulled (ADR 0042)
    rows += jdbc.sql("delete from connector_account where user_id = ?").param(userId).update();
    rows +=
        jdbc.sql("delete from connector_authorization where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from connector_activity where user_id = ?").param(userId).update();
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
