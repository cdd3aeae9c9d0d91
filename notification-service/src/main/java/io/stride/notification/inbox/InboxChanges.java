package io.stride.notification.inbox;

import io.stride.notification.stream.StreamKind;
import io.stride.notification.stream.StreamLog;
import io.stride.platform.web.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a person does to their inbox (read one, read all, delete one), each change also on their
 * live stream so every open tab agrees; and a block, which takes each of the two out of the other's
 * notifications.
 */
@Service
public class InboxChanges {

  private final JdbcClient jdbc;
  private final StreamLog stream;
  private final Clock clock;

  InboxChanges(JdbcClient jdbc, StreamLog stream, Clock clock) {
    this.jdbc = jdbc;
    this.stream = stream;
    this.clock = clock;
  }

  @Transactional
  public void markRead(UUID userId, UUID notificationId) {
    int changed =
        jdbc.sql(
                "update notification set read_at = coalesce(read_at, ?) where notification_id = ?"
                    + " and user_id = ? and in_app")
            .params(Timestamp.from(clock.instant()), notificationId, userId)
            .update();
    if (changed == 0) {
      throw notFound(notificationId);
    }
    stream.append(userId, StreamKind.READ, notificationId);
  }

  /**
   * Everything that changed at or before {@code upTo} (what the reader saw), or everything when it
   * is null.
   */
  @Transactional
  public void markAllRead(UUID userId, Instant upTo) {
    int changed =
        jdbc.sql(
                "update notification set read_at = ? where user_id = ? and in_app and read_at is"
                    + " null and (cast(? as timestamptz) is null or updated_at <= ?)")
            .params(
                Timestamp.from(clock.instant()),
                userId,
                upTo == null ? null : Timestamp.from(upTo),
                upTo == null ? null : Timestamp.from(upTo))
            .update();
    if (changed > 0) {
      stream.append(userId, StreamKind.READ_ALL, null);
    }
  }

  @Transactional
  public void delete(UUID userId, UUID notificationId) {
    int deleted =
        jdbc.sql("delete from notification where notification_id = ? and user_id = ? and in_app")
            .params(notificationId, userId)
            .update();
    if (deleted == 0) {
      throw notFound(notificationId);
    }
    stream.append(userId, StreamKind.DELETED, notificationId);
  }

  /**
   * After a block: each is taken out of the notifications of the other; a notification left with
   * nobody behind it goes, one with others left shows the latest of them.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forgetEachOther(UUID one, UUID other) {
    forget(one, other);
    forget(other, one);
  }

  private void forget(UUID reader, UUID actor) {
    List<UUID> touched =
        jdbc.sql(
                """
                delete from notification_actor a using notification n
                where a.notification_id = n.notification_id and n.user_id = ? and a.actor_id = ?
                returning a.notification_id
                """)
            .params(reader, actor)
            .query(UUID.class)
            .list();
    for (UUID id : touched) {
      int left =
          jdbc.sql(
                  """
                  update notification n set actor_count = c.n, actor_id = c.latest
                  from (select count(*) n, (array_agg(actor_id order by acted_at desc))[1] latest
                        from notification_actor where notification_id = :id) c
                  where n.notification_id = :id and c.n > 0
                  """)
              .param("id", id)
              .update();
      if (left == 0) {
        jdbc.sql("delete from notification where notification_id = ?").param(id).update();
        stream.append(reader, StreamKind.DELETED, id);
      } else {
        stream.append(reader, StreamKind.NOTIFICATION, id);
      }
    }
  }

  private static NotFoundException notFound(UUID id) {
    return new NotFoundException("No notification " + id + " in your inbox");
  }
}
