package io.stride.notification.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on the Postgres channel every replica's {@link StreamLog} notifies after a change
 * commits, and wakes this replica's connections of that person: a notification made on one replica
 * reaches a browser connected to another. Holds one database connection of its own; when it is
 * lost, it connects again and wakes every connection (what came meanwhile is in the stream table).
 */
@Component
class StreamListener implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamListener.class);
  private static final int POLL_MILLIS = 1000;

  private final DataSource dataSource;
  private final LiveStreams streams;
  private volatile boolean running;
  private Thread thread;

  StreamListener(DataSource dataSource, LiveStreams streams) {
    this.dataSource = dataSource;
    this.streams = streams;
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "stream-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    boolean first = true;
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + StreamLog.CHANNEL);
        }
        if (!first) {
          streams.wakeAll();
        }
        first = false;
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
          if (notifications == null) {
            continue;
          }
          for (PGNotification notification : notifications) {
            streams.wake(UUID.fromString(notification.getParameter()));
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn(
            "Live-stream listener lost its database connection ({}); reconnecting", e.toString());
        first = false;
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
