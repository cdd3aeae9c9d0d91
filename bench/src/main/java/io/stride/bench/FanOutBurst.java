package io.stride.bench;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.localstack.LocalStack;
import io.stride.platform.test.HttpJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * social-service's fan-out capacity: {@code workouts} WorkoutRecorded events put on {@code
 * stride.workout.workouts} at once, exactly as workout-service's outbox writes them, for authors
 * with {@code followers} approved followers each; timed from the first send until the inbox has
 * applied every one, then every feed row counted. Without workout-service, the gateway and the
 * latency poller on the same two cores, this is what the consumer and its SQL sustain.
 */
final class FanOutBurst {

  private FanOutBurst() {}

  static void run(
      LocalStack stack, HttpJson social, List<String> authors, int workouts, int followers)
      throws Exception {
    List<EventEnvelope<StrideEvent>> events = new ArrayList<>();
    Instant start = Instant.parse("2027-06-01T06:00:00Z");
    for (int i = 0; i < workouts; i++) {
      UUID author = UUID.fromString(authors.get(i % authors.size()));
      events.add(envelope(author, start.plus(Duration.ofMinutes(3L * i))));
    }
    UUID[] ids = events.stream().map(EventEnvelope::id).toArray(UUID[]::new);
    String before = social.get("/actuator/prometheus", null).body();
    long first = System.nanoTime();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                "bootstrap.servers",
                stack.kafka().bootstrapServers(),
                "linger.ms",
                5,
                "max.block.ms",
                10_000),
            new StringSerializer(),
            new StringSerializer())) {
      for (EventEnvelope<StrideEvent> event : events) {
        producer.send(
            new ProducerRecord<>(
                WorkoutTopics.WORKOUTS.name(), event.subject(), HttpJson.toJson(event)));
      }
    }
    double seconds;
    long rows;
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement applied =
            connection.prepareStatement(
                "select count(*) from social.processed_event where event_id = any(?)")) {
      applied.setArray(1, connection.createArrayOf("uuid", ids));
      long giveUp = System.nanoTime() + 120_000_000_000L;
      while (count(applied) < workouts) {
        if (System.nanoTime() > giveUp) {
          throw new IllegalStateException("the burst was not applied within 2 minutes");
        }
        Thread.sleep(10);
      }
      seconds = (System.nanoTime() - first) / 1e9;
      try (PreparedStatement feedRows =
          connection.prepareStatement(
              "select count(*) from social.feed_item where workout_id = any(?)")) {
        feedRows.setArray(
            1,
            connection.createArrayOf(
                "uuid",
                events.stream()
                    .map(e -> ((WorkoutRecorded) e.payload()).workout().workoutId())
                    .toArray()));
        rows = count(feedRows);
      }
    }
    String after = social.get("/actuator/prometheus", null).body();
    long expected = (long) workouts * (followers + 1);
    double rate = rows / seconds;
    BenchmarkMain.row(
        String.format(
            "Fan-out capacity, %d WorkoutRecorded on the topic at once, %d rows each",
            workouts, followers + 1),
        "%.0f rows/s (%d of %d rows in %.2f s; %s)",
        new Object[] {
          rate, rows, expected, seconds, SocialBenchmarks.perWorkout(before, after, followers)
        },
        ">= 50,000/s",
        rate >= 50_000 && rows == expected);
  }

  private static long count(PreparedStatement statement) throws Exception {
    try (ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  private static EventEnvelope<StrideEvent> envelope(UUID author, Instant start) {
    WorkoutSummary summary =
        new WorkoutSummary(
            UUID.randomUUID(),
            author,
            "run",
            "Burst run",
            start,
            120,
            120L,
            400.0,
            null,
            null,
            null,
            "public",
            "manual",
            List.of());
    return new EventEnvelope<>(
        UUID.randomUUID(),
        "WorkoutRecorded",
        "workout-service",
        Instant.now(),
        summary.workoutId().toString(),
        1,
        Map.of(),
        new WorkoutRecorded(summary));
  }
}
