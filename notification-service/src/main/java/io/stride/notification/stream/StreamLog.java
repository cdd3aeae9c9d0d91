package io.stride.notification.stream;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a person's inbox changes to their live stream, in the transaction that makes the change:
 * the next number of the person's stream (raised under the person's row lock, so one person's
 * events commit in number order and a reader that asks for "after n" never skips one), the event
 * row, and a Postgres notification that wakes every replica holding a connection of theirs.
 */
@Component
public class StreamLog {

  static final String CHANNEL = "notification_stream";

  private final JdbcClient jdbc;
  private final Clock clock;

  StreamLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void append(UUID userId, StreamKind kind, UUID notificationId) {
    // one statement (one round trip): number, event row, and the notification sent at commit
    jdbc.sql(
            """
            with numbered as (
              insert into person (user_id, stream_seq) values (:user, 1)
              on conflict (user_id) do update set stream_seq = person.stream_seq + 1
              returning stream_seq),
            appended as (
              insert into stream_event (user_id, seq, kind, notification_id, at)
              select :user, stream_seq, :kind, cast(:notification as uuid), :at from numbered
              returning seq)
            select pg_notify(:channel, :payload) from appended
            """)
        .param("user", userId)
        .param("kind", kind.key())
        .param("notification", notificationId)
        .param("at", Timestamp.from(clock.instant()))
        .param("channel", CHANNEL)
        .param("payload", userId.toString())
        .query()
        .singleRow();
  }
}
