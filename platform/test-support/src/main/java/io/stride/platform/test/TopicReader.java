package io.stride.platform.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what services published to a topic, for asserting on events. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

  public TopicReader(String topic) {
    this(topic, StrideInfrastructure.get().kafkaBootstrapServers());
  }

  /** Reads from another broker than the test infrastructure's (the system tests' stack). */
  public TopicReader(String topic, String bootstrapServers) {
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "group.id",
                "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer());
    consumer.subscribe(List.of(topic));
  }

  /** Polls until a record matches or the timeout passes; returns every match seen so far. */
  public List<ConsumerRecord<String, String>> await(
      Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    return await(match, 1, timeout);
  }

  /** Polls until {@code count} records match or the timeout passes; returns every match seen. */
  public List<ConsumerRecord<String, String>> await(
      Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (seen.stream().filter(match).count() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return seen.stream().filter(match).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
