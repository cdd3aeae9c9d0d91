package io.stride.gateway.revocation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@link Revocations} from auth-service's users topic (ADR 0040), in every gateway replica on
 * its own (no consumer group): at start from as far back as an access token lives, then as it
 * comes. {@code UserDeleted} and {@code PasswordChanged} revoke every token of the account issued
 * before them, {@code AppDisconnected} the account's tokens of that app. While Kafka cannot be
 * read, tokens are accepted as their signature and expiry allow (the services' own checks stay),
 * and the feed starts over from where a token's life reaches back.
 */
public final class RevocationFeed implements SmartLifecycle {

  static final String TOPIC = "stride.auth.users";

  private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a group-less reader takes of the Kafka settings: the brokers and how to log in. */
  private static final List<String> CONNECTION =
      List.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
          "ssl.",
          "sasl.",
          "request.timeout.ms",
          "default.api.timeout.ms");

  private final Revocations revocations;
  private final Map<String, Object> config;
  private final Clock clock;
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread thread;
  private volatile boolean running;
  private volatile boolean caughtUp;

  public RevocationFeed(
      Revocations revocations, Map<String, Object> kafka, Clock clock, MeterRegistry meters) {
    this.revocations = revocations;
    this.clock = clock;
    Map<String, Object> settings = new HashMap<>();
    kafka.forEach(
        (name, value) -> {
          if (CONNECTION.stream().anyMatch(name::startsWith)) {
            settings.put(name, value);
          }
        });
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(
        ConsumerConfig.CLIENT_ID_CONFIG, "gateway-revocations-" + INSTANCES.incrementAndGet());
    this.config = Map.copyOf(settings);
    Gauge.builder("stride.gateway.revocations", revocations, Revocations::size)
        .description("Revoked accounts and app grants whose access tokens may still be alive")
        .register(meters);
    Gauge.builder("stride.gateway.revocations.caught.up", this, feed -> feed.caughtUp ? 1 : 0)
        .description("1 once the revocations of the last access-token lifetime were read")
        .register(meters);
  }

  /** Whether the revocations of the last token lifetime have all been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  @Override
  public void start() {
    running = true;
    Thread reader = new Thread(this::read, "gateway-revocations");
    reader.setDaemon(true);
    thread = reader;
    reader.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread reader = thread;
    if (reader != null) {
      reader.interrupt();
      try {
        reader.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void read() {
    while (running) {
      try (KafkaConsumer<String, String> kafka =
          new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
        consumer = kafka;
        List<TopicPartition> partitions = partitions(kafka);
        if (partitions.isEmpty()) {
          pause(); // auth-service has not provisioned its topic yet: nothing was revoked
          continue;
        }
        kafka.assign(partitions);
        seekToTokenLifetime(kafka, partitions);
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        long prunedAt = System.nanoTime();
        while (running) {
          for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
            apply(record.value());
          }
          if (!caughtUp
              && ends.entrySet().stream()
                  .allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
            caughtUp = true;
            log.info(
                "Read the token revocations of the last {}; following them", revocations.keep());
          }
          if (System.nanoTime() - prunedAt > Duration.ofMinutes(1).toNanos()) {
            prunedAt = System.nanoTime();
            revocations.forgetBefore(clock.instant());
            if (kafka.partitionsFor(TOPIC).size() != partitions.size()) {
              break; // the topic grew: assign again
            }
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Reading token revocations failed; starting over: {}", e.toString());
          pause();
        }
      }
    }
  }

  private void seekToTokenLifetime(
      KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
    long from = clock.instant().minus(revocations.keep()).toEpochMilli();
    Map<TopicPartition, Long> times = new HashMap<>();
    partitions.forEach(partition -> times.put(partition, from));
    Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(times);
    Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp at = offsets.get(partition);
      kafka.seek(partition, at != null ? at.offset() : ends.get(partition));
    }
  }

  /** One users-topic record: a revocation, or nothing to do. */
  void apply(String value) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(value);
    } catch (RuntimeException unreadable) {
      return; // not ours to judge: the services' consumers park it
    }
    JsonNode payload = envelope.path("payload");
    String user = payload.path("userId").asString(null);
    if (user == null) {
      return;
    }
    switch (envelope.path("type").asString("")) {
      case "UserDeleted" -> at(payload, "deletedAt", instant -> revocations.account(user, instant));
      case "PasswordChanged" ->
          at(payload, "changedAt", instant -> revocations.account(user, instant));
      case "AppDisconnected" -> {
        String client = payload.path("clientId").asString(null);
        if (client != null) {
          at(payload, "disconnectedAt", instant -> revocations.grant(user, client, instant));
        }
      }
      default -> {}
    }
  }

  private static void at(JsonNode payload, String field, java.util.function.Consumer<Instant> use) {
    String text = payload.path(field).asString(null);
    if (text != null) {
      try {
        use.accept(Instant.parse(text));
      } catch (java.time.format.DateTimeParseException ignored) {
        // a malformed time revokes nothing
      }
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
    List<PartitionInfo> infos = kafka.partitionsFor(TOPIC);
    return infos == null
        ? List.of()
        : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private void pause() {
    try {
      Thread.sleep(RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
