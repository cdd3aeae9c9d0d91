package io.stride.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The gauge {@code stride.events.dead.letters{topic}} (Prometheus {@code
 * stride_events_dead_letters}): events this service parked for a consumed topic and ops have not
 * replayed yet, i.e. the end of its dead-letter topic minus what the replay group has committed.
 * Read from Kafka in the background, so a scrape never waits on the broker.
 */
class DeadLetterGauges implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

  private final KafkaAdmin kafkaAdmin;
  private final String consumer;
  private final Duration refresh;
  private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
  private volatile boolean running;
  private Thread worker;

  DeadLetterGauges(
      KafkaAdmin kafkaAdmin,
      DeclaredTopics declared,
      EventsProperties properties,
      MeterRegistry meters) {
    this.kafkaAdmin = kafkaAdmin;
    this.consumer = declared.service();
    this.refresh = properties.deadLetterRefresh();
    for (String topic : declared.consumes()) {
      AtomicLong depth = new AtomicLong();
      depths.put(topic, depth);
      Gauge.builder("stride.events.dead.letters", depth, AtomicLong::get)
          .description("Events parked on the dead-letter topic and not replayed yet")
          .tag("topic", topic)
          .register(meters);
    }
  }

  void refresh(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> replayed =
        admin
            .listConsumerGroupOffsets(DeadLetters.replayGroup(consumer))
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    for (Map.Entry<String, AtomicLong> entry : depths.entrySet()) {
      String dlt = DeadLetters.topicFor(entry.getKey(), consumer);
      if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(dlt)) {
        entry.getValue().set(0);
        continue;
      }
      List<TopicPartition> partitions =
          admin
              .describeTopics(List.of(dlt))
              .allTopicNames()
              .get(10, TimeUnit.SECONDS)
              .get(dlt)
              .partitions()
              .stream()
              .map(p -> new TopicPartition(dlt, p.partition()))
              .toList();
      Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
      Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
      long depth = 0;
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata done = replayed.get(partition);
        long from = Math.max(earliest.get(partition), done == null ? 0 : done.offset());
        depth += Math.max(0, latest.get(partition) - from);
      }
      entry.getValue().set(depth);
    }
  }

  private static Map<TopicPartition, Long> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result =
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    result.forEach((partition, info) -> offsets.put(partition, info.offset()));
    return offsets;
  }

  private void loop() {
    try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
      while (running) {
        try {
          refresh(admin);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          log.debug("Could not read dead-letter depth: {}", e.toString());
        }
        try {
          Thread.sleep(refresh.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    running = true;
    if (!depths.isEmpty()) {
      worker = new Thread(this::loop, "dead-letter-gauges");
      worker.setDaemon(true);
      worker.start();
    }
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
