package io.stride.bench;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.auth.AuthTopics;
import io.stride.contracts.auth.PasswordResetRequested;
import io.stride.contracts.social.Followed;
import io.stride.contracts.social.SocialTopics;
import io.stride.localstack.LocalStack;
import io.stride.localstack.StackConfig;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.TopicWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Issue #13's numbers. {@link #CONNECTIONS} live streams are opened through the gateway ({@link
 * #PEOPLE} people with {@code CONNECTIONS / PEOPLE} tabs each) and held; then {@code Followed}
 * events for those people are put on the social graph topic at {@link #RATE}/s, each timed from its
 * send until its notification is committed (the inbox, polled for every event in flight in one
 * query) and until it arrives on each of its person's streams (the SSE client stamps the arrival).
 * A second notification-service replica runs meanwhile: the consumers split the partitions, so many
 * notifications are made on the replica the gateway does not send streams to and reach the browsers
 * by Postgres NOTIFY. Memory per connection: the resident size of the gateway's and the service's
 * processes before and after opening the streams. Then emails: {@link #EMAILS} password reset
 * events at once, until every one is sent to the local SMTP server.
 */
final class NotificationBenchmarks {

  private static final int PEOPLE = Integer.getInteger("bench.notificationPeople", 100);
  private static final int CONNECTIONS = Integer.getInteger("bench.sseConnections", 5000);
  private static final int RATE = Integer.getInteger("bench.notificationRate", 200);
  private static final int SECONDS = Integer.getInteger("bench.notificationSeconds", 30);
  // each notification reaches every stream of its person (50 with the defaults)
  private static final int SSE_RATE = Integer.getInteger("bench.sseRate", 10);
  private static final int WARM_UP_SECONDS = Integer.getInteger("bench.notificationWarmUp", 15);
  private static final int EMAILS = Integer.getInteger("bench.emails", 2000);

  private NotificationBenchmarks() {}

  static void run(LocalStack stack, StackConfig config) throws Exception {
    String gateway = "http://127.0.0.1:" + config.gatewayPort();
    HttpJson http = new HttpJson(gateway);
    List<String> tokens = new ArrayList<>();
    List<UUID> people = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      String token =
          new OAuthFlows(gateway)
              .signInWithMobileApp(
                  WorkoutBenchmarks.register(http, "Reader " + i),
                  WorkoutBenchmarks.PASSWORD,
                  "notifications:read")
              .get("access_token")
              .asString();
      tokens.add(token);
      people.add(UUID.fromString(OAuthFlows.claims(token).get("uid").asString()));
    }
    int replicaPort = io.stride.infra.FreePorts.find();
    int members = ConsumerGroups.members(stack, "notification-service");
    stack.startReplica("notification-service", "notification-service-2", replicaPort, replicaPort);
    // the replica's consumers join the group: measure once the partitions are shared out
    ConsumerGroups.awaitStable(stack, "notification-service", 2 * members, Duration.ofMinutes(2));

    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      Map<UUID, Instant> unwatched = new ConcurrentHashMap<>();
      send(stack, producer, people, RATE, RATE * WARM_UP_SECONDS, unwatched, new ArrayList<>());
      List<Double> inboxMillis = new ArrayList<>();
      long lost = send(stack, producer, people, RATE, RATE * SECONDS, unwatched, inboxMillis);
      Collections.sort(inboxMillis);
      double inboxP99 = Percentile.of(inboxMillis, 0.99);
      BenchmarkMain.row(
          String.format("Event -> inbox (%d/s, %d s, 2 replicas)", RATE, SECONDS),
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
          new Object[] {Percentile.of(inboxMillis, 0.5), inboxP99, Percentile.of(inboxMillis, 1)},
          "p99 < 500 ms",
          inboxP99 < 500);
      BenchmarkMain.row("  events without a notification after 30 s", "%d", lost, "0", lost == 0);
    }

    long gatewayBefore = Rss.ofPort(config.gatewayPort());
    long serviceBefore = Rss.ofPort(config.portOf("notification-service"));
    Map<UUID, Instant> sent = new ConcurrentHashMap<>();
    List<Double> streamMillis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger connected = new AtomicInteger();
    List<SseConnection> streams = new ArrayList<>();
    long opening = System.nanoTime();
    for (int c = 0; c < CONNECTIONS; c++) {
      streams.add(
          new SseConnection(
              gateway + "/api/v1/notifications/stream",
              tokens.get(c % PEOPLE),
              connected,
              (subject, arrived) -> {
                Instant at = sent.get(subject);
                if (at != null) {
                  streamMillis.add(Duration.between(at, arrived).toNanos() / 1e6);
                }
              }));
    }
    awaitConnected(connected, CONNECTIONS, Duration.ofMinutes(3));
    double openSeconds = (System.nanoTime() - opening) / 1e9;
    long gatewayAfter = Rss.ofPort(config.gatewayPort());
    long serviceAfter = Rss.ofPort(config.portOf("notification-service"));

    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      send(
          stack,
          producer,
          people,
          SSE_RATE,
          SSE_RATE * WARM_UP_SECONDS,
          new ConcurrentHashMap<>(),
          new ArrayList<>());
      streamMillis.clear();
      send(stack, producer, people, SSE_RATE, SSE_RATE * SECONDS, sent, new ArrayList<>());
      long expected = (long) SSE_RATE * SECONDS * (CONNECTIONS / PEOPLE);
      awaitQuiet(streamMillis, expected);
      List<Double> stream = new ArrayList<>(streamMillis);
      Collections.sort(stream);
      double streamP99 = Percentile.of(stream, 0.99);
      BenchmarkMain.row(
          String.format(
              "Event -> browser over SSE via gateway (%d streams, %d/s)", CONNECTIONS, SSE_RATE),
          "p50 %.0f ms, p99 %.0f ms (%d of %d deliveries)",
          new Object[] {Percentile.of(stream, 0.5), streamP99, stream.size(), expected},
          "p99 < 1 s",
          streamP99 < 1000 && stream.size() == expected);
    }
    int open = (int) streams.stream().filter(SseConnection::isOpen).count();
    BenchmarkMain.row(
        "  streams held open through the gateway",
        "%d of %d (opened in %.1f s)",
        new Object[] {open, CONNECTIONS, openSeconds},
        "5000",
        open >= 5000);
    BenchmarkMain.row(
        "  memory per stream: gateway / notification-service (RSS)",
        "%.1f KB / %.1f KB",
        new Object[] {
          (gatewayAfter - gatewayBefore) / 1024.0 / CONNECTIONS,
          (serviceAfter - serviceBefore) / 1024.0 / CONNECTIONS
        },
        "(reported)",
        null);
    streams.forEach(SseConnection::close);
    emails(stack);
  }

  /**
   * Sends {@code count} Followed events at the rate, each for one of the people from a new
   * follower, and records each one's time into the inbox; returns how many never arrived.
   */
  private static long send(
      LocalStack stack,
      KafkaProducer<String, String> producer,
      List<UUID> people,
      int rate,
      int count,
      Map<UUID, Instant> sent,
      List<Double> inboxMillis)
      throws Exception {
    return PacedSends.run(
        stack.postgres().dataSource(),
        producer,
        // by the unique index (user_id, group_key): key = recipient|group key
        """
        select n.user_id || '|' || n.group_key from unnest(cast(? as text[])) k (key)
        join notification.notification n on n.user_id = cast(split_part(k.key, '|', 1) as uuid)
          and n.group_key = split_part(k.key, '|', 2)
        """,
        rate,
        count,
        next -> {
          UUID follower = UUID.randomUUID();
          UUID recipient = people.get(next % people.size());
          Instant at = Instant.now();
          sent.put(follower, at);
          return new PacedSends.Probe(
              SocialTopics.GRAPH.name(),
              TopicWriter.envelope(new Followed(follower, recipient, false, at, 1)),
              recipient + "|follow:" + follower + ":" + follower);
        },
        inboxMillis);
  }

  /** Password reset emails: all put on the topic at once, until the last is sent. */
  private static void emails(LocalStack stack) throws Exception {
    List<UUID> ids = new ArrayList<>();
    long first = System.nanoTime();
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      for (int i = 0; i < EMAILS; i++) {
        UUID user = UUID.randomUUID();
        EventEnvelope<StrideEvent> event =
            TopicWriter.envelope(
                new PasswordResetRequested(
                    user,
                    "bench-" + user + "@example.com",
                    "Bench " + i,
                    "http://localhost:8080/reset-password?token=bench" + i,
                    Instant.now().plus(Duration.ofMinutes(30))));
        ids.add(event.id());
        producer.send(
            new ProducerRecord<>(
                AuthTopics.ACCOUNT_EMAILS.name(), event.subject(), HttpJson.toJson(event)));
      }
    }
    long sentCount = 0;
    long giveUp = System.nanoTime() + 300_000_000_000L;
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement done =
            connection.prepareStatement(
                "select count(*) from notification.delivery where status = 'SENT' and"
                    + " source_event_id = any(?)")) {
      done.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
      while (sentCount < EMAILS && System.nanoTime() < giveUp) {
        try (ResultSet rows = done.executeQuery()) {
          rows.next();
          sentCount = rows.getLong(1);
        }
      }
    }
    double seconds = (System.nanoTime() - first) / 1e9;
    BenchmarkMain.row(
        String.format("Emails to the local SMTP server (%d reset links at once)", EMAILS),
        "%.0f emails/s (%d sent in %.1f s)",
        new Object[] {sentCount / seconds, sentCount, seconds},
        "(reported)",
        sentCount == EMAILS ? null : Boolean.FALSE);
  }

  private static void awaitConnected(AtomicInteger connected, int count, Duration limit)
      throws InterruptedException {
    long giveUp = System.nanoTime() + limit.toNanos();
    while (connected.get() < count && System.nanoTime() < giveUp) {
      Thread.sleep(20);
    }
  }

  /** Until every expected stream delivery arrived, or nothing arrived for 5 s. */
  private static void awaitQuiet(List<Double> arrivals, long expected) throws InterruptedException {
    int last = -1;
    long quietSince = System.nanoTime();
    while (arrivals.size() < expected) {
      int now = arrivals.size();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > 5_000_000_000L) {
        return;
      }
      Thread.sleep(20);
    }
  }
}
