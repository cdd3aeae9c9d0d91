package io.stride.notification.erasure;

import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.locks.TransactionLocks;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases everything notification-service holds about a deleted account: their copy (name, zone,
 * email address), their inbox and its stream, settings and preferences, their devices and browsers
 * for push, deliveries to them, and them as an actor in other people's notifications (a
 * notification left with nobody behind it goes; the others count one fewer), and the platform rows
 * about them.
 */
@Service
public class NotificationErasure {

  private static final Logger log = LoggerFactory.getLogger(NotificationErasure.class);

  private static final List<String> DELETES =
      List.of(
          // first: it waits for a digest being made for them, whose delivery the next one takes
          "delete from delivery_settings where user_id = :user",
          "delete from delivery where user_id = :user",
          "delete from push_subscription where user_id = :user",
          "delete from notification where user_id = :user",
          // others' notifications they were behind: counted without them, the latest other shown
          "update notification n set actor_count = c.n, actor_id = c.latest from (select"
              + " notification_id, count(*) filter (where actor_id <> :user) n,"
              + " (array_agg(actor_id order by acted_at desc) filter (where actor_id <>"
              + " :user))[1] latest from notification_actor where notification_id in (select"
              + " notification_id from notification_actor where actor_id = :user) group by"
              + " notification_id) c where n.notification_id = c.notification_id",
          // and those with nobody else behind them go
          "delete from notification where actor_count = 0 and notification_id in (select"
              + " notification_id from notification_actor where actor_id = :user)",
          "delete from notification_actor where actor_id = :user",
          "update notification set actor_id = null where actor_id = :user",
          "delete from stream_event where user_id = :user",
          "delete from preference where user_id = :user",
          "delete from person where user_id = :user");

  private final JdbcClient jdbc;
  private final PlatformErasure platform;

  NotificationErasure(JdbcClient jdbc, PlatformErasure platform) {
    this.jdbc = jdbc;
    this.platform = platform;
  }

  /** Runs inside the inbox transaction of the UserDeleted event. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void erase(UUID userId) {
    TransactionLocks.hold(jdbc, "person:" + userId);
    long rows = 0;
    for (String delete : DELETES) {
      rows += jdbc.sql(delete).param("user", userId).update();
    }
    rows += platform.erase(userId);
    log.info("User {} erased: {} rows", userId, rows);
  }
}
