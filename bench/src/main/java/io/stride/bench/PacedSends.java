package io.stride.bench;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.localstack.LocalStack;
import io.stride.platform.test.HttpJson;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Events put on a topic at a steady rate, each timed from its send until a query finds the row it
 * makes: one query for every event in flight, at most every {@link #POLL_NANOS} (the query must
 * find its keys by an index), so the measuring does not take the cores the measured service needs.
 */
final class PacedSends {

  /** One event to send, and the text key of the row that shows it was applied. */
  record Probe(String topic, EventEnvelope<StrideEvent> event, String key) {}

  private static final long GIVE_UP_NANOS = 30_000_000_000L;
  private static final long POLL_NANOS = 2_000_000L;

  private PacedSends() {}

  /** A producer to the stack's broker that sends almost at once (1 ms linger). */
  static KafkaProducer<String, String> producer(LocalStack stack) {
    return new KafkaProducer<>(
        Map.<String, Object>of(
            "bootstrap.servers", stack.kafka().bootstrapServers(), "linger.ms", 1),
        new StringSerializer(),
        new StringSerializer());
  }

  /**
   * Sends {@code count} probes at {@code rate} a second and adds each one's milliseconds to {@code
   * millis}.
   *
   * @param applied a query with one text-array parameter, answering the keys it finds
   * @return how many were not applied 30 s after the last was sent
   */
  static long run(
      DataSource database,
      KafkaProducer<String, String> producer,
      String applied,
      int rate,
      int count,
      IntFunction<Probe> probe,
      List<Double> millis)
      throws Exception {
    Map<String, Long> inFlight = new ConcurrentHashMap<>();
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    try (Connection connection = database.getConnection();
        PreparedStatement seen = connection.prepareStatement(applied)) {
      int next = 0;
      long giveUp = Long.MAX_VALUE;
      while (next < count || !inFlight.isEmpty()) {
        long now = System.nanoTime();
        while (next < count && now - start >= next * interval) {
          Probe sent = probe.apply(next);
          inFlight.put(sent.key(), System.nanoTime());
          producer.send(
              new ProducerRecord<>(
                  sent.topic(), sent.event().subject(), HttpJson.toJson(sent.event())));
          next++;
          if (next == count) {
            giveUp = System.nanoTime() + GIVE_UP_NANOS;
          }
        }
        producer.flush();
        Array keys = connection.createArrayOf("text", inFlight.keySet().toArray());
        seen.setArray(1, keys);
        long polled = System.nanoTime();
        try (ResultSet rows = seen.executeQuery()) {
          while (rows.next()) {
            Long at = inFlight.remove(rows.getString(1));
            if (at != null) {
              millis.add((polled - at) / 1e6);
            }
          }
        }
        if (System.nanoTime() > giveUp) {
          return inFlight.size();
        }
        long untilNextSend = next < count ? start + next * interval - System.nanoTime() : 0;
        LockSupport.parkNanos(Math.min(POLL_NANOS, Math.max(untilNextSend, POLL_NANOS / 4)));
      }
    }
    return 0;
  }
}
