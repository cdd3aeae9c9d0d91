package io.stride.bench;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.StrideEvent;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutTopics;
import io.stride.localstack.LocalStack;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.TopicWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * gamification-service: how fast a history is rebuilt (every athlete's workouts put on the topic at
 * once, as a replay from the beginning delivers them), then how long a new workout takes to be
 * scored, its badges and streaks stored, at 50 workouts a second on top of that history.
 */
final class GamificationBenchmarks {

  private static final int ATHLETES = Integer.getInteger("bench.gamificationAthletes", 100);
  private static final int HISTORY = Integer.getInteger("bench.gamificationHistory", 200);
  private static final int RATE = Integer.getInteger("bench.gamificationRate", 50);
  private static final int SECONDS = Integer.getInteger("bench.gamificationSeconds", 30);
  private static final int WARM_UP_SECONDS = 5;

  private GamificationBenchmarks() {}

  static void run(LocalStack stack) throws Exception {
    List<UUID> athletes = new ArrayList<>();
    for (int i = 0; i < ATHLETES; i++) {
      athletes.add(UUID.randomUUID());
    }
    rebuild(stack, athletes);
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      send(stack, producer, athletes, RATE * WARM_UP_SECONDS, new ArrayList<>());
      List<Double> millis = new ArrayList<>();
      long lost = send(stack, producer, athletes, RATE * SECONDS, millis);
      Collections.sort(millis);
      double p99 = Percentile.of(millis, 0.99);
      BenchmarkMain.row(
          String.format(
              "Workout -> points, badges, streaks (%d/s, %d s, %d in history)",
              RATE, SECONDS, HISTORY),
          "p50 %.0f ms, p99 %.0f ms, max %.0f ms",
          new Object[] {Percentile.of(millis, 0.5), p99, Percentile.of(millis, 1)},
          "p99 < 500 ms",
          p99 < 500);
      BenchmarkMain.row("  workouts not scored after 30 s", "%d", lost, "0", lost == 0);
    }
  }

  /** Every athlete's history at once, as a replay delivers it; until every workout is scored. */
  private static void rebuild(LocalStack stack, List<UUID> athletes) throws Exception {
    List<EventEnvelope<StrideEvent>> events = new ArrayList<>();
    Instant first = Instant.now().minus(HISTORY + 30L, ChronoUnit.DAYS);
    for (int day = 0; day < HISTORY; day++) {
      for (UUID athlete : athletes) {
        events.add(
            TopicWriter.envelope(
                new WorkoutRecorded(
                    summary(
                        athlete,
                        first
                            .plus(day, ChronoUnit.DAYS)
                            .plusSeconds(athlete.hashCode() & 0xffff)))));
      }
    }
    long start = System.nanoTime();
    try (KafkaProducer<String, String> producer = PacedSends.producer(stack)) {
      for (EventEnvelope<StrideEvent> event : events) {
        producer.send(
            new ProducerRecord<>(
                WorkoutTopics.WORKOUTS.name(), event.subject(), HttpJson.toJson(event)));
      }
    }
    try (Connection connection = stack.postgres().dataSource().getConnection();
        PreparedStatement scored =
            connection.prepareStatement("select count(*) from gamification.workout_score")) {
      long giveUp = System.nanoTime() + 600_000_000_000L;
      long count = 0;
      while ((count = count(scored)) < events.size() && System.nanoTime() < giveUp) {
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      BenchmarkMain.row(
          String.format(
              "Rebuild from history (%d athletes x %d workouts)", athletes.size(), HISTORY),
          "%.0f workouts/s (%d in %.1f s)",
          new Object[] {count / seconds, count, seconds},
          "(reported)",
          null);
    }
  }

  /**
   * Sends {@code count} WorkoutRecorded at the rate, each a new workout of one of the athletes, and
   * times each until its score is stored; returns how many were not within 30 s.
   */
  private static long send(
      LocalStack stack,
      KafkaProducer<String, String> producer,
      List<UUID> athletes,
      int count,
      List<Double> millis)
      throws Exception {
    return PacedSends.run(
        stack.postgres().dataSource(),
        producer,
        "select workout_id::text from gamification.workout_score"
            + " where workout_id = any(cast(? as uuid[]))",
        RATE,
        count,
        next -> {
          WorkoutSummary workout =
              summary(athletes.get(next % athletes.size()), Instant.now().minusSeconds(3600));
          return new PacedSends.Probe(
              WorkoutTopics.WORKOUTS.name(),
              TopicWriter.envelope(new WorkoutRecorded(workout)),
              workout.workoutId().toString());
        },
        millis);
  }

  /** A 10 km run of 50 minutes recorded by a watch, as workout-service's summary has it. */
  private static WorkoutSummary summary(UUID athlete, Instant start) {
    return new WorkoutSummary(
        UUID.randomUUID(),
        athlete,
        "run",
        "Run",
        start,
        3000,
        2950L,
        10_000.0,
        80.0,
        650,
        148,
        "public",
        "file",
        List.of(),
        4.6,
        176,
        0);
  }

  /** The one number a {@code select count(*)} answers. */
  static long count(PreparedStatement query) throws Exception {
    try (ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
