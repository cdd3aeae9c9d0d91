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
    long seq =
        jdbc.sql(
                "insert into person (user_id, stream_seq) values (?, 1) on conflict (user_id) do"
                    + " update set stream_seq = person.stream_seq + 1 returning stream_seq")
            .param(userId)
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into stream_event (user_id, seq, kind, notification_id, at) values (?, ?, ?,"
                + " ?, ?)")
        .params(userId, seq, kind.key(), notificationId, Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, userId.toString()).query().singleRow();
  }
}
