package io.stride.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends stored outbox events to Kafka, in order, after commit. A row is marked published only after
 * the broker acknowledged it; failed sends stay pending and are retried with backoff, so nothing is
 * lost while Kafka is down. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas can relay side by side without sending a row twice at once.
 */
class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final TraceContext traceContext;
  private final OutboxProperties properties;
  private final Semaphore wakeUps = new Semaphore(0);
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestPendingAgeSeconds = new AtomicLong();
  private final Counter published;
  private final Counter failedAttempts;
  private volatile boolean running;
  private Thread worker;
  private long lastHousekeeping;

  OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, String> kafka,
      JsonMapper json,
      TraceContext traceContext,
      OutboxProperties properties,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.json = json;
    this.traceContext = traceContext;
    this.properties = properties;
    this.published =
        Counter.builder("stride.outbox.published")
            .description("Events acknowledged by Kafka")
            .register(meters);
    this.failedAttempts =
        Counter.builder("stride.outbox.send.failures")
            .description("Send attempts that failed and will be retried")
            .register(meters);
    Gauge.builder("stride.outbox.pending", pending, AtomicLong::get)
        .description("Events stored but not yet acknowledged by Kafka")
        .register(meters);
    Gauge.builder("stride.outbox.oldest.pending.age", oldestPendingAgeSeconds, AtomicLong::get)
        .baseUnit("seconds")
        .description("Age of the oldest unpublished event")
        .register(meters);
  }

  /** Asks the relay to look for new rows now instead of at its next poll. */
  void wakeUp() {
    wakeUps.release();
  }

  /** Publishes what is due, batch after batch; returns how many events were acknowledged. */
  int publishDue() {
    int total = 0;
    int sent;
    do {
      Integer batch = transactions.execute(status -> publishBatch());
      sent = batch == null ? 0 : batch;
      total += sent;
    } while (sent > 0); // rows held back behind an earlier one of their key come in a later batch
    refreshBacklogGauges();
    return total;
  }

  private int publishBatch() {
    List<OutboxRow> rows =
        jdbc.query(
            // a row whose key has an earlier pending row waits for it: claimed by another
            // replica, backing off after a failure, or earlier in this very batch (then the next
            // batch takes it), so events of one key reach Kafka in the order they were written
            "select seq, id, topic, message_key, envelope::text, headers::text, attempts"
                + " from outbox_event e where status = 'PENDING' and next_attempt_at <= now()"
                + " and not exists (select 1 from outbox_event earlier"
                + " where earlier.status = 'PENDING' and earlier.topic = e.topic"
                + " and earlier.message_key = e.message_key and earlier.seq < e.seq)"
                + " order by seq limit ? for update of e skip locked",
            (rs, i) ->
                new OutboxRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    json.readValue(rs.getString(6), HEADERS),
                    rs.getInt(7)),
            properties.batchSize());
    List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
    for (OutboxRow row : rows) {
      sends.add(send(row));
    }
    int acknowledged = 0;
    for (int i = 0; i < rows.size(); i++) {
      OutboxRow row = rows.get(i);
      try {
        sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        jdbc.update(
            "update outbox_event set status = 'PUBLISHED', published_at = now(),"
                + " attempts = attempts + 1, last_error = null where seq = ?",
            row.seq());
        acknowledged++;
      } catch (Exception e) {
        markFailed(rows.subList(i, rows.size()), e);
        break;
      }
    }
    published.increment(acknowledged);
    return acknowledged == rows.size() ? rows.size() : 0;
  }

  private CompletableFuture<SendResult<String, String>> send(OutboxRow row) {
    return traceContext.inChildSpanOf(
        row.headers(),
        "outbox relay",
        () -> {
          ProducerRecord<String, String> record =
              new ProducerRecord<>(row.topic(), row.key(), row.envelope());
          record.headers().add("stride-event-id", row.id().getBytes(StandardCharsets.UTF_8));
          try {
            return kafka.send(record);
          } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
          }
        });
  }

  /**
   * The first failure stops the batch: later rows may share its key, and sending them first would
   * break the per-aggregate order consumers rely on.
   */
  private void markFailed(List<OutboxRow> unsent, Exception e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    int attempts = unsent.get(0).attempts() + 1;
    Duration backoff = properties.backoffFor(attempts);
    log.warn(
        "Kafka did not acknowledge outbox event {} (attempt {}), retrying in {}: {}",
        unsent.get(0).id(),
        attempts,
        backoff,
        error);
    failedAttempts.increment();
    for (OutboxRow row : unsent) {
      jdbc.update(
          "update outbox_event set attempts = attempts + 1, last_error = ?,"
              + " next_attempt_at = now() + make_interval(secs => ?) where seq = ?",
          error,
          backoff.toMillis() / 1000.0,
          row.seq());
    }
  }

  private void refreshBacklogGauges() {
    jdbc.query(
        "select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
            + " from outbox_event where status = 'PENDING'",
        rs -> {
          pending.set(rs.getLong(1));
          oldestPendingAgeSeconds.set(rs.getLong(2));
        });
    long now = System.currentTimeMillis();
    if (now - lastHousekeeping > Duration.ofMinutes(10).toMillis()) {
      lastHousekeeping = now;
      jdbc.update(
          "delete from outbox_event where status = 'PUBLISHED'"
              + " and published_at < now() - make_interval(secs => ?)",
          (double) properties.retention().toSeconds());
    }
  }

  private void loop() {
    while (running) {
      try {
        publishDue();
      } catch (RuntimeException e) {
        log.warn("Outbox relay pass failed, retrying: {}", e.toString());
      }
      try {
        if (wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
      try {
        worker.join(properties.sendTimeout().toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private record OutboxRow(
      long seq,
      String id,
      String topic,
      String key,
      String envelope,
      Map<String, String> headers,
      int attempts) {}
}
