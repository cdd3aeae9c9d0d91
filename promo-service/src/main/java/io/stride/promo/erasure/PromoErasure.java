package io.stride.promo.erasure;

import io.stride.platform.erasure.PlatformErasure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything promo-service holds about a deleted account: its copy, grants, uses, premium,
 * guess counts. What the budget counted stays counted (the campaign's and code's counters), a
 * coupon given stays given (without its athlete), and an admin's audit entries lose their name.
 */
@Service
public class PromoErasure {

  private static final Logger log = LoggerFactory.getLogger(PromoErasure.class);

  private final JdbcClient jdbc;
  private final PlatformErasure platform;

  PromoErasure(JdbcClient jdbc, PlatformErasure platform) {
    this.jdbc = jdbc;
    this.platform = platform;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    long rows = jdbc.sql("delete from reward_grant where user_id = ?").param(userId).update();
    rows += jdbc.sql("update coupon set user_id = null where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from code_use where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from campaign_athlete where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from premium where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from athlete_fact where user_id = ?").param(userId).update();
    rows += jdbc.sql("delete from athlete where user_id = ?").param(userId).update();
    rows +=
        jdbc.sql("delete from guess_window where subject = ?").param("athlete:" + userId).update();
    rows +=
        jdbc.sql("update campaign_audit set actor_id = null where actor_id = ?")
            .param(userId)
            .update();
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
