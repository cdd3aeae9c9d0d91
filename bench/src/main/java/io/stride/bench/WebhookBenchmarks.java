package io.stride.bench;

import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.AuthTopics;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.TopicWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * integration-service's webhooks (issue #18): a partner with {@link #ENDPOINTS} endpoints on a
 * local receiver, athletes who connected it (their {@code DeviceLinked}), and workouts recorded
 * ({@code WorkoutRecorded} on the workouts topic, as workout-service publishes them). Measured: the
 * deliveries per second a burst drains at; event → delivered at a steady rate (from the event's
 * send to the receiver's first sight of it); and the same with one more endpoint that answers after
 * 30 s, where the others' p99 must not move.
 */
final class WebhookBenchmarks {

  private static final int ENDPOINTS = Integer.getInteger("bench.webhookEndpoints", 16);
  private static final int ATHLETES = 40;
  private static final int BURST = Integer.getInteger("bench.webhookBurst", 300);
  private static final int RATE = Integer.getInteger("bench.webhookRate", 20);
  private static final int STEADY_SECONDS = 15;
  private static final Duration SLOW = Duration.ofSeconds(30);
  private static final Duration GIVE_UP = Duration.ofSeconds(180);

  private WebhookBenchmarks() {}

  /** A workout event sent, and when (nanoTime). */
  private record Sent(String workoutId, long at) {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    HttpJson http = new HttpJson(gateway);
    String admin = Administrator.token(stack, gateway, http, "integration:read integration:write");
    try (WebhookReceiver fast = new WebhookReceiver(Duration.ZERO);
        WebhookReceiver slow = new WebhookReceiver(SLOW);
        KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      String clientId = "bench-partner-" + UUID.randomUUID().toString().substring(0, 8);
      UUID partner = partner(http, admin, clientId);
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < ENDPOINTS; i++) {
        paths.add("hooks/" + i);
        endpoint(http, admin, partner, fast.url("hooks/" + i));
      }
      List<UUID> athletes = connected(stack, producer, clientId);

      arrived(fast, paths, send(producer, athletes, 20, 100)); // warm-up

      Instant burstStart = Instant.now();
      List<Sent> burst = send(producer, athletes, BURST, 0);
      List<Long> burstArrivals = arrived(fast, paths, burst);
      double seconds = (Collections.max(burstArrivals) - burst.get(0).at()) / 1e9;
      double perSecond = burstArrivals.size() / seconds;
      BenchmarkMain.row(
          "Webhook deliveries, burst of " + BURST + " workouts x " + ENDPOINTS + " endpoints",
          "%.0f deliveries/s (%d in %.1f s, from the first event sent)",
          new Object[] {perSecond, burstArrivals.size(), seconds},
          ">= 1000/s",
          perSecond >= 1000);
      double[] split = queuedAndSent(stack, partner, burstStart);
      BenchmarkMain.row(
          "  queued by integration-service / then sent",
          "all queued %.1f s after the first, sent %.1f s after the first queued (%.0f/s)",
          new Object[] {split[0], split[1], split[2]},
          "(reference)",
          null);

      double[] alone = steady(fast, paths, producer, athletes);
      BenchmarkMain.row(
          "Event -> delivered, " + RATE + " workouts/s x " + ENDPOINTS + " endpoints",
          "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
          new Object[] {alone[0], alone[1], alone[2], alone[3]},
          "p99 < 1 s",
          alone[2] < 1000);

      endpoint(http, admin, partner, slow.url("slow"));
      double[] withSlow = steady(fast, paths, producer, athletes);
      BenchmarkMain.row(
          "  the same with one more endpoint answering after 30 s",
          "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (the others)",
          new Object[] {withSlow[0], withSlow[1], withSlow[2], withSlow[3]},
          "p99 < 1 s",
          withSlow[2] < 1000);
    }
  }

  /**
   * Where the burst's time went, from integration-service's own rows: from the first delivery
   * queued to the last (the consumer's fan-out), from the first queued to the last delivered, and
   * the deliveries per second of that second span.
   */
  private static double[] queuedAndSent(LocalStack stack, UUID partner, Instant since)
      throws Exception {
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                """
                select extract(epoch from max(d.created_at) - min(d.created_at)),
                       extract(epoch from max(d.delivered_at) - min(d.created_at)), count(*)
                from integration.delivery d
                join integration.webhook_endpoint e on e.endpoint_id = d.endpoint_id
                where e.partner_id = ? and d.created_at >= ?
                """)) {
      query.setObject(1, partner);
      query.setTimestamp(2, java.sql.Timestamp.from(since));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        double queued = rows.getDouble(1);
        double sent = rows.getDouble(2);
        return new double[] {queued, sent, rows.getLong(3) / Math.max(sent, 1e-3)};
      }
    }
  }

  /** {@code RATE} workouts a second for {@code STEADY_SECONDS}; p50, p95, p99, max in ms. */
  private static double[] steady(
      WebhookReceiver fast,
      List<String> paths,
      KafkaProducer<String, String> producer,
      List<UUID> athletes)
      throws Exception {
    List<Sent> sent = send(producer, athletes, RATE * STEADY_SECONDS, RATE);
    List<Double> latencies = new ArrayList<>();
    arrived(fast, paths, sent);
    for (Sent event : sent) {
      for (String path : paths) {
        latencies.add((fast.arrival(path, event.workoutId()) - event.at()) / 1e6);
      }
    }
    Collections.sort(latencies);
    return new double[] {
      Percentile.of(latencies, 0.50),
      Percentile.of(latencies, 0.95),
      Percentile.of(latencies, 0.99),
      latencies.get(latencies.size() - 1)
    };
  }

  /** Workouts of the athletes in turn, {@code perSecond} a second (0: as fast as possible). */
  private static List<Sent> send(
      KafkaProducer<String, String> producer, List<UUID> athletes, int count, int perSecond) {
    List<Sent> sent = new ArrayList<>(count);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      if (perSecond > 0) {
        long due = start + (long) (i * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      UUID athlete = athletes.get(i % athletes.size());
      UUID workout = UUID.randomUUID();
      sent.add(new Sent(workout.toString(), System.nanoTime()));
      publish(
          producer, WorkoutTopics.WORKOUTS.name(), new WorkoutRecorded(summary(workout, athlete)));
    }
    producer.flush();
    return sent;
  }

  /** Waits until every endpoint saw every event; their arrival times. */
  private static List<Long> arrived(WebhookReceiver receiver, List<String> paths, List<Sent> sent)
      throws InterruptedException {
    long giveUp = System.nanoTime() + GIVE_UP.toNanos();
    List<Long> arrivals = new ArrayList<>();
    for (Sent event : sent) {
      for (String path : paths) {
        Long at;
        while ((at = receiver.arrival(path, event.workoutId())) == null) {
          if (System.nanoTime() > giveUp) {
            throw new IllegalStateException(
                "webhooks missing after " + GIVE_UP + ": " + receiver.received() + " arrived");
          }
          Thread.sleep(20);
        }
        arrivals.add(at);
      }
    }
    return arrivals;
  }

  /** Athletes who connected the partner's client, once integration-service holds them all. */
  private static List<UUID> connected(
      LocalStack stack, KafkaProducer<String, String> producer, String clientId) throws Exception {
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < ATHLETES; i++) {
      UUID athlete = UUID.randomUUID();
      athletes.add(athlete);
      publish(
          producer,
          AuthTopics.USERS.name(),
          new DeviceLinked(
              athlete, clientId, "Bench partner", Instant.now(), List.of("workouts:read")));
    }
    producer.flush();
    SignedInAthletes.awaitCopies(
        stack.postgres().dataSource(),
        "select count(*) from integration.connection where client_id = '"
            + clientId
            + "' and user_id = any(cast(? as uuid[]))",
        athletes,
        "integration-service (connections)");
    return athletes;
  }

  private static UUID partner(HttpJson http, String admin, String clientId) {
    HttpJson.Reply reply =
        http.post(
            "/api/v1/integration/partners",
            admin,
            Map.of(
                "name", "Bench partner",
                "contactEmail", "hooks@bench.example",
                "kind", "third-party",
                "scopes", List.of("workouts:read"),
                "clientId", clientId));
    if (reply.status() != 201) {
      throw new IllegalStateException("registering the partner answered " + reply);
    }
    return UUID.fromString(reply.json().get("id").asString());
  }

  private static void endpoint(HttpJson http, String admin, UUID partner, String url) {
    HttpJson.Reply reply =
        http.post(
            "/api/v1/integration/partners/" + partner + "/webhook-endpoints",
            admin,
            Map.of("url", url, "eventTypes", List.of("workout.created")));
    if (reply.status() != 201) {
      throw new IllegalStateException("registering an endpoint answered " + reply);
    }
  }

  private static WorkoutSummary summary(UUID workout, UUID athlete) {
    return new WorkoutSummary(
        workout,
        athlete,
        "run",
        "Bench run",
        Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600),
        3000,
        2900L,
        10_000.0,
        80.0,
        650,
        152,
        "public",
        "manual",
        List.of());
  }

  private static void publish(
      KafkaProducer<String, String> producer, String topic, StrideEvent event) {
    var envelope = TopicWriter.envelope(event);
    producer.send(new ProducerRecord<>(topic, envelope.subject(), HttpJson.toJson(envelope)));
  }
}
