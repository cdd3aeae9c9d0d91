package io.stride.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.notification.delivery.Outcome.Status;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, each by the {@link ChannelSender} of its channel. Each pass claims a batch
 * with {@code skip locked} (replicas share the work, nothing is sent twice at once) and leases it;
 * each delivery is sent on its own, several people's at once, so one that fails never holds up the
 * others. A failure is retried with growing waits; after the last attempt the delivery gives up,
 * counted and logged, as does one the receiving service refused for good. Logs name deliveries by
 * id, never an address.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int MAX_ERROR = 500;

  private final JdbcClient jdbc;
  private final Map<String, ChannelSender> senders;
  private final DeliveryProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;
  private final ExecutorService pool;

  DeliveryWorker(
      JdbcClient jdbc,
      List<ChannelSender> senders,
      DeliveryProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.senders =
        senders.stream()
            .collect(Collectors.toMap(sender -> sender.channel().key(), Function.identity()));
    this.properties = properties;
    this.clock = clock;
    this.meters = meters;
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            properties.senders(),
            task -> {
              Thread thread = new Thread(task, "delivery-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Scheduled(fixedDelayString = "${stride.notifications.delivery.poll:200ms}")
  void sendDue() {
    List<Due> due;
    do {
      due = claim();
      sendAll(due);
    } while (due.size() == properties.batch());
  }

  /**
   * Sends a claimed batch on {@code senders} threads, one person's deliveries after each other (so
   * the push cap counts what was sent before), and waits for all of them.
   */
  private void sendAll(List<Due> due) {
    if (due.size() <= 1) {
      due.forEach(this::send);
      return;
    }
    List<Future<?>> sending = new ArrayList<>();
    due.stream()
        .collect(
            Collectors.groupingBy(
                DeliveryWorker::sequence, LinkedHashMap::new, Collectors.toList()))
        .values()
        .forEach(mine -> sending.add(pool.submit(() -> mine.forEach(this::send))));
    for (Future<?> each : sending) {
      try {
        each.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        // send() handles what a sender throws; anything else is the database's, retried next pass
        log.warn("A delivery could not be recorded: {}", e.getCause().toString());
      }
    }
  }

  /** Whose deliveries go one after the other: a person's; a partner email (no person) alone. */
  private static UUID sequence(Due due) {
    return due.userId() != null ? due.userId() : due.id();
  }

  @PreDestroy
  void stop() {
    pool.shutdown();
  }

  private List<Due> claim() {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            update delivery set not_before = :leased, attempts = attempts + 1
            where delivery_id in (select delivery_id from delivery
                                  where status = 'PENDING' and not_before <= :now
                                  order by not_before limit :batch for update skip locked)
            returning delivery_id, user_id, channel, kind, notification_id, subscription_id,
              payload::text, attempts, created_at
            """)
        .param("leased", Timestamp.from(now.plus(properties.lease())))
        .param("now", Timestamp.from(now))
        .param("batch", properties.batch())
        .query(
            (rs, row) ->
                new Due(
                    rs.getObject("delivery_id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getString("channel"),
                    rs.getString("kind"),
                    rs.getObject("notification_id", UUID.class),
                    rs.getObject("subscription_id", UUID.class),
                    rs.getString("payload"),
                    rs.getInt("attempts"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  private void send(Due due) {
    Outcome outcome;
    try {
      ChannelSender sender = senders.get(due.channel());
      if (sender == null) {
        throw new IllegalStateException("no sender for channel " + due.channel());
      }
      outcome = sender.send(due);
    } catch (RuntimeException e) {
      failed(due, e);
      return;
    }
    finish(due, outcome.status(), outcome.reason());
    count(due, outcome.counted());
    if (outcome.status() == Status.GAVE_UP) {
      log.warn(
          "Delivery {} ({} {}) gave up on attempt {}: {}",
          due.id(),
          due.channel(),
          due.kind(),
          due.attempts(),
          outcome.reason());
    }
    if (outcome.sent()) {
      Timer.builder("stride.notification.delivery.latency")
          .description("From a delivery's scheduling to its sending")
          .tag("channel", due.channel())
          .publishPercentileHistogram()
          .register(meters)
          .record(Duration.between(due.createdAt(), clock.instant()));
    }
  }

  private void failed(Due due, RuntimeException e) {
    String reason = reason(e);
    if (due.attempts() >= properties.maxAttempts()) {
      finish(due, Status.GAVE_UP, reason);
      count(due, "gave_up");
      log.warn(
          "Delivery {} ({} {}) gave up after {} attempts: {}",
          due.id(),
          due.channel(),
          due.kind(),
          due.attempts(),
          reason);
      return;
    }
    Instant next = clock.instant().plus(properties.backoff(due.attempts()));
    jdbc.sql("update delivery set not_before = ?, last_error = ? where delivery_id = ?")
        .params(Timestamp.from(next), reason, due.id())
        .update();
    count(due, "retried");
    log.info(
        "Delivery {} ({} {}) failed on attempt {} ({}); next try at {}",
        due.id(),
        due.channel(),
        due.kind(),
        due.attempts(),
        reason,
        next);
  }

  /** The failure in words safe to keep and log: a sender's own message, else only the type. */
  private static String reason(RuntimeException e) {
    String reason =
        e instanceof DeliveryFailedException failure
            ? failure.getMessage()
            : e.getClass().getSimpleName();
    return reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
  }

  private void finish(Due due, Status status, String reason) {
    jdbc.sql(
            "update delivery set status = ?, finished_at = ?, last_error = ?, payload = null"
                + " where delivery_id = ?")
        .params(status.name(), Timestamp.from(clock.instant()), reason, due.id())
        .update();
  }

  private void count(Due due, String outcome) {
    meters
        .counter(
            "stride.notification.deliveries",
            "channel",
            due.channel(),
            "kind",
            due.kind(),
            "outcome",
            outcome)
        .increment();
  }
}
