package io.stride.notification.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The browsers connected to this replica, by person. When a person's stream has news (a Postgres
 * notification from whichever replica made the change), each of their connections is sent the
 * stream events after the last one it got, in number order; a reconnecting browser's {@code
 * Last-Event-ID} is where that starts. A comment line every {@link #HEARTBEAT} keeps proxies from
 * closing idle streams.
 */
@Component
class LiveStreams implements DisposableBean {

  static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final int BATCH = 200;

  private record Event(long seq, String kind, UUID notificationId, Instant at) {}

  private final Map<UUID, Set<Connection>> byUser = new ConcurrentHashMap<>();
  private final Map<UUID, Drain> drainsByUser = new ConcurrentHashMap<>();
  private final ExecutorService drains = Executors.newFixedThreadPool(4, daemon("stream-drain"));
  private final JdbcClient jdbc;
  private final StreamContent content;
  private final Clock clock;
  private final Timer lag;
  private final AtomicInteger connections = new AtomicInteger();

  LiveStreams(JdbcClient jdbc, StreamContent content, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.content = content;
    this.clock = clock;
    this.lag =
        Timer.builder("stride.notification.stream.lag")
            .description("From an inbox change to its event leaving for a connected browser")
            .publishPercentileHistogram()
            .register(meters);
    Gauge.builder("stride.notification.stream.connections", connections, AtomicInteger::get)
        .description("Browsers connected to this replica's live stream")
        .register(meters);
  }

  /**
   * Opens a stream for the person: from {@code lastEventId} when the browser reconnects, else from
   * now (the browser loads the inbox itself). A {@code reset} event tells a browser whose last
   * event is older than what is kept to load the inbox again.
   */
  SseEmitter open(UUID userId, Locale locale, Optional<Long> lastEventId) {
    SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
    long current = currentSeq(userId);
    long from = lastEventId.filter(id -> id >= 0 && id <= current).orElse(current);
    Connection connection = new Connection(userId, locale, emitter, from);
    Runnable remove = () -> remove(connection);
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(error -> remove.run());
    byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    connections.incrementAndGet();
    Map<String, Long> unread = Map.of("unread", content.unread(userId));
    boolean gap = lastEventId.isPresent() && missedEventsAreGone(userId, from, current);
    if (gap) {
      connection.skipTo(current);
      connection.send(SseEmitter.event().name("reset").data(unread, MediaType.APPLICATION_JSON));
    }
    connection.send(
        SseEmitter.event()
            .name("ready")
            .reconnectTime(3000)
            .data(unread, MediaType.APPLICATION_JSON));
    // whatever committed since `current` was read, and a reconnecting browser's backlog
    wake(userId);
    return emitter;
  }

  /**
   * News for the person: drain their connections here, if any. One drain per person runs at a time;
   * news arriving meanwhile makes it go round once more.
   */
  void wake(UUID userId) {
    if (!byUser.containsKey(userId)) {
      return;
    }
    Drain drain = drainsByUser.computeIfAbsent(userId, id -> new Drain());
    drain.dirty.set(true);
    if (drain.running.compareAndSet(false, true)) {
      drains.execute(() -> run(userId, drain));
    }
  }

  /** After the listener lost and regained its connection: anything may have been missed. */
  void wakeAll() {
    byUser.keySet().forEach(this::wake);
  }

  private static final class Drain {
    final AtomicBoolean dirty = new AtomicBoolean();
    final AtomicBoolean running = new AtomicBoolean();
  }

  private void run(UUID userId, Drain drain) {
    do {
      try {
        while (drain.dirty.getAndSet(false)) {
          drainOnce(userId);
        }
      } finally {
        drain.running.set(false);
      }
    } while (drain.dirty.get() && drain.running.compareAndSet(false, true));
  }

  private void drainOnce(UUID userId) {
    Set<Connection> open = byUser.getOrDefault(userId, Set.of());
    if (open.isEmpty()) {
      return;
    }
    long from = open.stream().mapToLong(Connection::lastSeq).min().orElse(0);
    List<Event> events;
    do {
      events = after(userId, from);
      for (Event event : events) {
        send(open, userId, event);
        from = event.seq();
      }
    } while (events.size() == BATCH);
  }

  private void send(Set<Connection> open, UUID userId, Event event) {
    for (Connection connection : open) {
      if (connection.lastSeq() >= event.seq()) {
        continue;
      }
      Optional<?> data = payload(userId, event, connection.locale);
      if (data.isEmpty()) {
        connection.skipTo(event.seq());
        continue;
      }
      SseEventBuilder sse =
          SseEmitter.event()
              .id(Long.toString(event.seq()))
              .name(event.kind())
              .data(data.get(), MediaType.APPLICATION_JSON);
      if (connection.send(event.seq(), sse)) {
        lag.record(Duration.between(event.at(), clock.instant()));
      }
    }
  }

  private Optional<?> payload(UUID userId, Event event, java.util.Locale locale) {
    return switch (StreamKind.ofKey(event.kind())) {
      case NOTIFICATION -> content.notification(userId, event.notificationId(), locale);
      case READ, DELETED ->
          Optional.of(
              Map.of("notificationId", event.notificationId(), "unread", content.unread(userId)));
      case READ_ALL -> Optional.of(Map.of("unread", content.unread(userId)));
    };
  }

  @Scheduled(fixedDelayString = "${stride.notifications.stream.heartbeat:15s}")
  void heartbeat() {
    for (Set<Connection> open : byUser.values()) {
      for (Connection connection : open) {
        connection.send(SseEmitter.event().comment("heartbeat"));
      }
    }
  }

  private void remove(Connection connection) {
    Set<Connection> open = byUser.get(connection.userId);
    if (open != null && open.remove(connection)) {
      connections.decrementAndGet();
      byUser.computeIfPresent(connection.userId, (id, set) -> set.isEmpty() ? null : set);
      if (!byUser.containsKey(connection.userId)) {
        drainsByUser.remove(connection.userId);
      }
    }
  }

  private List<Event> after(UUID userId, long seq) {
    return jdbc.sql(
            "select seq, kind, notification_id, at from stream_event where user_id = ? and seq > ?"
                + " order by seq limit ?")
        .params(userId, seq, BATCH)
        .query(
            (rs, row) ->
                new Event(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getTimestamp(4).toInstant()))
        .list();
  }

  private long currentSeq(UUID userId) {
    return jdbc.sql("select stream_seq from person where user_id = ?")
        .param(userId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /** Whether events after {@code seq} up to {@code current} were pruned: a gap to reset. */
  private boolean missedEventsAreGone(UUID userId, long seq, long current) {
    if (seq >= current) {
      return false;
    }
    long next =
        jdbc.sql("select coalesce(min(seq), -1) from stream_event where user_id = ? and seq > ?")
            .params(userId, seq)
            .query(Long.class)
            .single();
    return next < 0 || next > seq + 1;
  }

  @Override
  public void destroy() {
    drains.shutdownNow();
    byUser.values().forEach(open -> open.forEach(Connection::close));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
