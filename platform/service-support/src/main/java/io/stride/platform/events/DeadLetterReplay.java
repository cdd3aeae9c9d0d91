package io.stride.platform.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Ops' replay of parked events: sends every event a consumer parked for a topic and that was not
 * replayed yet back onto the topic, then commits it in the consumer's replay group, so a second run
 * sends nothing again. The consumer applies a replayed event once (its inbox knows the event id);
 * other consumers of the topic see a duplicate and skip it the same way. Run it after the fix is
 * deployed; see platform/README.md for the command.
 */
public final class DeadLetterReplay {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private DeadLetterReplay() {}

  /**
   * {@code [--bootstrap-servers host:port] [--command-config client.properties] --consumer
   * profile-service --topic stride.auth.users}.
   */
  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String consumer = options.get("--consumer");
    String topic = options.get("--topic");
    if (consumer == null || topic == null) {
      System.err.println(
          "usage: DeadLetterReplay [--bootstrap-servers host:port] [--command-config"
              + " client.properties] --consumer <service> --topic <consumed topic>");
      System.exit(2);
    }
    String bootstrap =
        options.getOrDefault(
            "--bootstrap-servers",
            System.getenv().getOrDefault("STRIDE_KAFKA_BOOTSTRAP", "127.0.0.1:19092"));
    Map<String, Object> client = new HashMap<>();
    String commandConfig = options.get("--command-config");
    if (commandConfig != null) {
      // security settings, as Kafka's own tools take them: security.protocol, sasl.*, ssl.*
      Properties properties = new Properties();
      try (var in = Files.newBufferedReader(Path.of(commandConfig))) {
        properties.load(in);
      } catch (IOException e) {
        System.err.println("cannot read " + commandConfig + ": " + e.getMessage());
        System.exit(2);
      }
      properties.forEach((key, value) -> client.put(key.toString(), value));
    }
    client.put("bootstrap.servers", bootstrap);
    int replayed = replay(client, consumer, topic);
    System.out.println(
        "Replayed "
            + replayed
            + " event(s) from "
            + DeadLetters.topicFor(topic, consumer)
            + " onto "
            + topic);
  }

  /** Replays what was parked up to now; returns how many events were sent back. */
  public static int replay(String bootstrapServers, String consumer, String topic) {
    return replay(Map.of("bootstrap.servers", bootstrapServers), consumer, topic);
  }

  /**
   * {@link #replay(String, String, String)} with any client settings (bootstrap servers, and on a
   * secured cluster its security settings).
   */
  public static int replay(Map<String, Object> client, String consumer, String topic) {
    String deadLetters = DeadLetters.topicFor(topic, consumer);
    Map<String, Object> consumerConfig = new HashMap<>(client);
    consumerConfig.putAll(
        Map.of(
            "group.id", DeadLetters.replayGroup(consumer),
            "enable.auto.commit", "false",
            "allow.auto.create.topics", "false",
            "max.poll.records", "50"));
    Map<String, Object> producerConfig = new HashMap<>(client);
    producerConfig.putAll(Map.of("acks", "all", "enable.idempotence", "true"));
    try (KafkaConsumer<String, String> parked =
            new KafkaConsumer<>(
                consumerConfig, new StringDeserializer(), new StringDeserializer());
        KafkaProducer<String, String> producer =
            new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      List<TopicPartition> partitions =
          parked.partitionsFor(deadLetters, TIMEOUT).stream()
              .map(info -> new TopicPartition(deadLetters, info.partition()))
              .toList();
      if (partitions.isEmpty()) {
        return 0;
      }
      parked.assign(partitions);
      Map<TopicPartition, Long> end = parked.endOffsets(partitions, TIMEOUT);
      Map<TopicPartition, OffsetAndMetadata> committed =
          parked.committed(new java.util.HashSet<>(partitions), TIMEOUT);
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata done = committed.get(partition);
        if (done == null) {
          parked.seekToBeginning(List.of(partition));
        } else {
          parked.seek(partition, done.offset());
        }
      }
      int replayed = 0;
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (behind(parked, partitions, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Replay of " + deadLetters + " timed out");
        }
        for (ConsumerRecord<String, String> record : parked.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= end.get(partition)) {
            continue;
          }
          send(producer, topic, record);
          parked.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
          replayed++;
        }
      }
      return replayed;
    }
  }

  private static boolean behind(
      KafkaConsumer<String, String> parked,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> end) {
    return partitions.stream().anyMatch(p -> parked.position(p, TIMEOUT) < end.get(p));
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, ConsumerRecord<String, String> record) {
    ProducerRecord<String, String> again =
        new ProducerRecord<>(topic, record.key(), record.value());
    for (Header header : record.headers()) {
      if (!header.key().startsWith("kafka_dlt-")) {
        again.headers().add(header);
      }
    }
    again
        .headers()
        .add(
            "stride-replayed-from",
            (record.topic() + "@" + record.partition() + ":" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(again).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not take the replayed event", e);
    }
  }
}
