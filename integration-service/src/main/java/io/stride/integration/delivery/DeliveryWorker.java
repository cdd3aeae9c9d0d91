package io.stride.integration.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.contracts.integration.WebhookDisabled;
import io.stride.integration.config.IntegrationProperties;
import io.stride.integration.webhooks.Signer;
import io.stride.integration.webhooks.WebhookSignature;
import io.stride.platform.events.EventPublisher;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries on a bounded pool of workers, on any replica. A worker claims an endpoint
 * with a due delivery that no other worker holds ({@code for update skip locked} on the endpoint
 * row, held while it sends), sends that endpoint's oldest due delivery, records the attempt and
 * lets go: a slow endpoint holds one worker and its own queue, never another endpoint's. A failure
 * is retried on the {@link Backoff} schedule until three days after the first attempt, then the
 * delivery is failed; an endpoint whose attempts failed for three days without a break is disabled
 * and {@link WebhookDisabled} published. Logs name deliveries and endpoints by id, never a URL.
 */
@Component
class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final int MAX_ERROR = 300;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final WebhookSender sender;
  private final Signer signer;
  private final EventPublisher events;
  private final Deliveries deliveries;
  private final IntegrationProperties.Delivery settings;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter disabled;
  private final AtomicLong due = new AtomicLong();
  private final AtomicInteger busy = new AtomicInteger();
  private final ExecutorService pool;

  /** Deliveries one claim of an endpoint sends at most, in order. */
  static final int BATCH = 20;

  private final ExecutorService waker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "webhook-wake-up");
            thread.setDaemon(true);
            return thread;
          });
  private final java.util.concurrent.atomic.AtomicBoolean wakeUpPending =
      new java.util.concurrent.atomic.AtomicBoolean();

  DeliveryWorker(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      WebhookSender sender,
      Signer signer,
      EventPublisher events,
      Deliveries deliveries,
      IntegrationProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.sender = sender;
    this.signer = signer;
    this.events = events;
    this.deliveries = deliveries;
    this.settings = properties.delivery();
    this.clock = clock;
    this.meters = meters;
    this.disabled =
        Counter.builder("stride.integration.endpoints.disabled")
            .description("Webhook endpoints disabled after three days of failures")
            .register(meters);
    meters.gauge("stride.integration.deliveries.due", due);
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            settings.workers(),
            task -> {
              Thread thread = new Thread(task, "webhook-worker-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Deliveries were queued and committed: idle workers start now rather than at the next poll (at
   * most one wake-up waits at a time; busy workers pick the new deliveries up anyway).
   */
  void wakeUp() {
    if (wakeUpPending.compareAndSet(false, true)) {
      waker.execute(
          () -> {
            wakeUpPending.set(false);
            dispatch();
          });
    }
  }

  /** Starts idle workers while due deliveries wait; each works until it finds nothing. */
  @Scheduled(fixedDelayString = "${stride.integration.delivery.poll:500ms}")
  synchronized void dispatch() {
    Instant now = clock.instant();
    due.set(deliveries.due(now));
    if (deliveries.anyDueEndpoint(now).isEmpty()) {
      return;
    }
    while (busy.get() < settings.workers()) {
      busy.incrementAndGet();
      pool.submit(
          () -> {
            try {
              while (deliverOne()) {
                // next one
              }
            } catch (RuntimeException e) {
              log.warn("A webhook worker stopped: {}", e.toString());
            } finally {
              busy.decrementAndGet();
            }
          });
    }
  }

  /**
   * One endpoint not held by another worker: its oldest due delivery, then (while they succeed) up
   * to {@link #BATCH} in all, in order; false when there was none.
   */
  boolean deliverOne() {
    Boolean sent = transactions.execute(status -> claimAndSend());
    return Boolean.TRUE.equals(sent);
  }

  private boolean claimAndSend() {
    // a delivery's outcome lost in a database crash only sends it again, with the same webhook id
    // (at least once, as Standard Webhooks receivers expect): no disk flush to wait for per batch
    jdbc.sql("set local synchronous_commit = off").update();
    Instant now = clock.instant();
    Optional<Claimed> claimed =
        jdbc.sql(
                """
                select e.endpoint_id, e.partner_id, e.url, e.failing_since, p.name,
                  d.delivery_id, d.webhook_id, d.body, d.attempts, d.first_attempt_at
                from webhook_endpoint e
                join partner p on p.partner_id = e.partner_id
                join lateral (select delivery_id, webhook_id, body, attempts, first_attempt_at,
                                     next_attempt_at
                              from delivery
                              where endpoint_id = e.endpoint_id and status = 'pending'
                                and next_attempt_at <= ?
                              order by created_at, delivery_id limit 1) d on true
                where e.enabled
                order by d.next_attempt_at
                limit 1
                for no key update of e skip locked
                """)
            .param(Timestamp.from(now))
            .query(
                (rs, row) -> {
                  Timestamp failing = rs.getTimestamp("failing_since");
                  Timestamp first = rs.getTimestamp("first_attempt_at");
                  return new Claimed(
                      rs.getObject("endpoint_id", UUID.class),
                      rs.getObject("partner_id", UUID.class),
                      rs.getString("name"),
                      rs.getString("url"),
                      failing == null ? null : failing.toInstant(),
                      rs.getObject("delivery_id", UUID.class),
                      rs.getString("webhook_id"),
                      rs.getString("body"),
                      rs.getInt("attempts"),
                      first == null ? null : first.toInstant());
                })
            .optional();
    if (claimed.isEmpty()) {
      return false;
    }
    Claimed first = claimed.get();
    SecretsOfClaim secrets = new SecretsOfClaim(first.endpointId(), now);
    if (!send(first, secrets)) {
      return true; // a failing endpoint gets one attempt per claim
    }
    // the endpoint is held: its next due deliveries go out in order, in this transaction, until
    // one fails
    for (Claimed next : nextDue(first, now)) {
      if (!send(next, secrets)) {
        break;
      }
    }
    return true;
  }

  /** The claimed endpoint's signing secrets, read and opened once for the whole claim. */
  private final class SecretsOfClaim {
    private final UUID endpointId;
    private final Instant now;
    private List<String> opened;

    SecretsOfClaim(UUID endpointId, Instant now) {
      this.endpointId = endpointId;
      this.now = now;
    }

    List<String> get() {
      if (opened == null) {
        opened = signer.secretsOf(endpointId, now);
      }
      return opened;
    }
  }

  /** The claimed endpoint's further due deliveries, oldest first, at most a batch less one. */
  private List<Claimed> nextDue(Claimed first, Instant now) {
    return jdbc.sql(
            """
            select delivery_id, webhook_id, body, attempts, first_attempt_at from delivery
            where endpoint_id = ? and status = 'pending' and next_attempt_at <= ?
              and delivery_id <> ?
            order by created_at, delivery_id limit ?
            """)
        .params(first.endpointId(), Timestamp.from(now), first.deliveryId(), BATCH - 1)
        .query(
            (rs, row) -> {
              Timestamp started = rs.getTimestamp("first_attempt_at");
              return new Claimed(
                  first.endpointId(),
                  first.partnerId(),
                  first.partnerName(),
                  first.url(),
                  null, // the first one succeeded: no failure run
                  rs.getObject("delivery_id", UUID.class),
                  rs.getString("webhook_id"),
                  rs.getString("body"),
                  rs.getInt("attempts"),
                  started == null ? null : started.toInstant());
            })
        .list();
  }

  /** Sends one delivery and records its outcome; whether it succeeded. */
  private boolean send(Claimed c, SecretsOfClaim secrets) {
    Instant at = clock.instant();
    long timestamp = at.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", c.webhookId());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    Outcome outcome;
    try {
      headers.put(
          "webhook-signature",
          WebhookSignature.header(secrets.get(), c.webhookId(), timestamp, c.body()));
      outcome = sender.send(c.url(), headers, c.body());
    } catch (RuntimeException e) {
      // a secret that cannot be opened, a client fault: a failed attempt like any other, retried
      // and counted towards disabling, never a worker stopped on the same delivery again and again
      log.warn("Delivery {} could not be sent: {}", c.deliveryId(), e.getClass().getSimpleName());
      outcome =
          new Outcome(
              "internal_error",
              null,
              Duration.between(at, clock.instant()).toMillis(),
              e.getClass().getSimpleName());
    }
    Timer.builder("stride.integration.delivery.attempts")
        .description("Webhook delivery attempts, by outcome")
        .tag("outcome", outcome.kind())
        .publishPercentileHistogram()
        .register(meters)
        .record(outcome.durationMillis(), TimeUnit.MILLISECONDS);
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into delivery_attempt (delivery_id, attempted_at, outcome, status_code,
              duration_ms, error) values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.deliveryId(),
            Timestamp.from(at),
            outcome.kind(),
            outcome.statusCode(),
            (int) Math.min(Integer.MAX_VALUE, outcome.durationMillis()),
            bounded(outcome.error()))
        .update();
    if (outcome.success()) {
      jdbc.sql(
              """
              update delivery set status = 'delivered', attempts = attempts + 1,
                first_attempt_at = coalesce(first_attempt_at, ?), last_attempt_at = ?,
                delivered_at = ?
              where delivery_id = ?
              """)
          .params(Timestamp.from(at), Timestamp.from(at), Timestamp.from(now), c.deliveryId())
          .update();
      if (c.failingSince() != null) {
        jdbc.sql("update webhook_endpoint set failing_since = null where endpoint_id = ?")
            .param(c.endpointId())
            .update();
      }
      forgetIfErased(c.deliveryId());
      return true;
    }
    failed(c, at, now, outcome);
    return false;
  }

  /**
   * The last message about an erased athlete ({@code athlete.deauthorized}, sent after the
   * account's deletion, ADR 0038) goes, with its attempts, once it was delivered or given up on:
   * nothing of the athlete stays.
   */
  private void forgetIfErased(UUID deliveryId) {
    jdbc.sql(
            """
            delete from delivery d where d.delivery_id = ? and d.status <> 'pending'
              and exists (select 1 from erased_user u where u.user_id = d.user_id)
            """)
        .param(deliveryId)
        .update();
  }

  /**
   * A failed attempt: retried later, or given up on. A delivery cancelled while it was in flight
   * (the athlete disconnected the partner) stays cancelled: the update only touches a pending one.
   */
  private void failed(Claimed c, Instant at, Instant now, Outcome outcome) {
    Instant first = c.firstAttemptAt() == null ? at : c.firstAttemptAt();
    int failures = c.attempts() + 1;
    boolean giveUp = !now.isBefore(first.plus(settings.giveUpAfter()));
    Duration wait = Backoff.after(failures, ThreadLocalRandom.current());
    jdbc.sql(
            """
            update delivery set status = ?, attempts = ?, first_attempt_at = ?,
              last_attempt_at = ?, next_attempt_at = ?
            where delivery_id = ? and status = 'pending'
            """)
        .params(
            giveUp ? "failed" : "pending",
            failures,
            Timestamp.from(first),
            Timestamp.from(at),
            Timestamp.from(now.plus(wait)),
            c.deliveryId())
        .update();
    if (giveUp) {
      log.info("Webhook delivery {} failed for good after {} attempts", c.deliveryId(), failures);
      forgetIfErased(c.deliveryId());
    }
    Instant failingSince = c.failingSince() == null ? at : c.failingSince();
    if (!now.isBefore(failingSince.plus(settings.disableAfter()))) {
      jdbc.sql(
              """
              update webhook_endpoint set enabled = false, failing_since = ?, disabled_at = ?,
                updated_at = ?
              where endpoint_id = ?
              """)
          .params(
              Timestamp.from(failingSince),
              Timestamp.from(now),
              Timestamp.from(now),
              c.endpointId())
          .update();
      String contact =
          jdbc.sql("select contact_email from partner where partner_id = ?")
              .param(c.partnerId())
              .query(String.class)
              .single();
      events.publish(
          new WebhookDisabled(
              c.endpointId(),
              c.partnerId(),
              c.partnerName(),
              host(c.url()),
              failingSince,
              now,
              contact));
      disabled.increment();
      log.warn(
          "Webhook endpoint {} disabled: every attempt failed since {} (last: {})",
          c.endpointId(),
          failingSince,
          outcome.kind());
    } else if (c.failingSince() == null) {
      jdbc.sql("update webhook_endpoint set failing_since = ? where endpoint_id = ?")
          .params(Timestamp.from(at), c.endpointId())
          .update();
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    waker.shutdownNow();
    pool.shutdown();
    pool.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String bounded(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }

  private record Claimed(
      UUID endpointId,
      UUID partnerId,
      String partnerName,
      String url,
      Instant failingSince,
      UUID deliveryId,
      String webhookId,
      String body,
      int attempts,
      Instant firstAttemptAt) {}
}
