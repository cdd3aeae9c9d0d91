package io.stride.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.contracts.EventEnvelope;
import io.stride.contracts.EventTypes;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one state topic from its beginning and then follows it, in this replica, without a consumer
 * group (ADR 0024): every replica sees every change, and after a restart the compacted topic gives
 * the whole state again even when its producer is down. Commits nothing; a record that cannot be
 * read or applied is counted and skipped (the next state of its key replaces it).
 */
class StateTopicFollower<E extends StrideEvent> implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StateTopicFollower.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);
  private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /**
   * What a group-less consumer takes from the service's Kafka settings: where the brokers are and
   * how to log in; group, assignment and commit settings would make no sense or fail it.
   */
  private static final List<String> CONNECTION_PREFIXES =
      List.of(
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG,
          CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
          "ssl.",
          "sasl.",
          "metadata.max.age.ms",
          "reconnect.backoff",
          "retry.backoff",
          "request.timeout.ms",
          "default.api.timeout.ms",
          "socket.connection.setup.timeout");

  private final Topic topic;
  private final StateSubscription<E> subscription;
  private final Map<String, Object> consumerConfig;
  private final JsonMapper json;
  private final JavaType envelopeType;
  private final TraceContext traceContext;
  private final Clock clock;
  private final Counter applied;
  private final Counter skipped;
  private final Timer lag;
  private volatile KafkaConsumer<String, String> consumer;
  private volatile Thread thread;
  private volatile boolean running;
  private volatile boolean caughtUp;
  private volatile boolean waitingForTopic;

  StateTopicFollower(
      Topic topic,
      StateSubscription<E> subscription,
      Map<String, Object> consumerConfig,
      JsonMapper json,
      TraceContext traceContext,
      Clock clock,
      MeterRegistry meters) {
    this.topic = topic;
    this.subscription = subscription;
    this.json = json;
    this.traceContext = traceContext;
    this.clock = clock;
    this.envelopeType =
        json.getTypeFactory()
            .constructParametricType(EventEnvelope.class, subscription.eventType());
    Map<String, Object> config = new HashMap<>();
    consumerConfig.forEach(
        (name, value) -> {
          if (CONNECTION_PREFIXES.stream().anyMatch(name::startsWith)) {
            config.put(name, value);
          }
        });
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // only the producer creates the topic, compacted; a follower asking first must not create it
    // with the broker's defaults
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "follower-" + topic.name() + "-" + INSTANCES.incrementAndGet());
    this.consumerConfig = Map.copyOf(config);
    this.applied = outcomes(meters, topic, "applied");
    this.skipped = outcomes(meters, topic, "skipped");
    this.lag =
        Timer.builder("stride.events.followed.lag")
            .description("From an event's publication to its state in this replica's copy")
            .tag("topic", topic.name())
            .publishPercentileHistogram()
            .register(meters);
  }

  private static Counter outcomes(MeterRegistry meters, Topic topic, String outcome) {
    return Counter.builder("stride.events.followed")
        .description("Events of a followed state topic, applied to the local copy or skipped")
        .tag("topic", topic.name())
        .tag("outcome", outcome)
        .register(meters);
  }

  Topic topic() {
    return topic;
  }

  /** Whether everything on the topic when the follower started has been applied. */
  boolean caughtUp() {
    return caughtUp;
  }

  /** Whether the topic does not exist yet (its producer has not provisioned it). */
  boolean waitingForTopic() {
    return waitingForTopic;
  }

  @Override
  public void start() {
    running = true;
    Thread follower = new Thread(this::follow, "follow-" + topic.name());
    follower.setDaemon(true);
    thread = follower;
    follower.start();
  }

  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, String> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread follower = thread;
    if (follower != null) {
      follower.interrupt();
      try {
        follower.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void follow() {
    while (running) {
      try (KafkaConsumer<String, String> kafka =
          new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
        consumer = kafka;
        if (!running) {
          return;
        }
        List<TopicPartition> partitions = partitions(kafka);
        if (partitions.isEmpty()) {
          // the producer provisions the topic; until it has, there is no state to read
          waitingForTopic = true;
          waitBeforeRetry();
          continue;
        }
        waitingForTopic = false;
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(kafka.endOffsets(partitions));
        long partitionsCheckedAt = System.nanoTime();
        while (running) {
          for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
            apply(record);
          }
          if (!caughtUp && ends.entrySet().stream().allMatch(e -> reached(kafka, e))) {
            caughtUp = true;
            log.info("Read state topic {} whole; following it", topic.name());
          }
          if (System.nanoTime() - partitionsCheckedAt > PARTITION_CHECK.toNanos()) {
            partitionsCheckedAt = System.nanoTime();
            addNewPartitions(kafka);
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.warn("Following {} failed; starting over: {}", topic.name(), e.toString());
          waitBeforeRetry();
        }
      }
    }
  }

  /** Partitions added to the topic since it was assigned are read from their beginning too. */
  private void addNewPartitions(KafkaConsumer<String, String> kafka) {
    List<TopicPartition> now = partitions(kafka);
    List<TopicPartition> added =
        now.stream().filter(partition -> !kafka.assignment().contains(partition)).toList();
    if (!added.isEmpty()) {
      kafka.assign(now);
      kafka.seekToBeginning(added);
      log.info(
          "State topic {} grew to {} partitions; reading the new ones", topic.name(), now.size());
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, String> kafka) {
    List<PartitionInfo> infos = kafka.partitionsFor(topic.name());
    return infos == null
        ? List.of()
        : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }

  private static boolean reached(
      KafkaConsumer<String, String> kafka, Map.Entry<TopicPartition, Long> end) {
    return kafka.position(end.getKey()) >= end.getValue();
  }

  private void apply(ConsumerRecord<String, String> record) {
    EventEnvelope<E> envelope;
    try {
      envelope = json.readValue(Objects.requireNonNull(record.value()), envelopeType);
    } catch (RuntimeException e) {
      skipped.increment();
      log.warn(
          "Skipped unreadable record {}-{}@{}: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          e.toString());
      return;
    }
    if (!EventTypes.nameOf(subscription.eventType()).equals(envelope.type())) {
      skipped.increment();
      return;
    }
    try {
      traceContext.inChildSpanOf(
          envelope.trace() == null ? Map.of() : envelope.trace(),
          "follow " + topic.name(),
          () -> {
            subscription.apply().accept(envelope);
            return null;
          });
    } catch (RuntimeException e) {
      skipped.increment();
      log.warn("Could not apply {} {}: {}", envelope.type(), envelope.id(), e.toString());
      return;
    }
    applied.increment();
    // a change's way here; the replay of older states at start is not one
    if (caughtUp && envelope.time() != null) {
      Duration since = Duration.between(envelope.time(), clock.instant());
      if (!since.isNegative()) {
        lag.record(since);
      }
    }
  }

  private void waitBeforeRetry() {
    try {
      Thread.sleep(TOPIC_RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
