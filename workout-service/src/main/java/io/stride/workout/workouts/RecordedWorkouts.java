package io.stride.workout.workouts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.stride.workout.metrics.Sport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stride's business numbers from workout-service (the business dashboard): workouts recorded, by
 * sport and source ({@code stride_workout_recorded_total{sport, source=manual|file|live}}), and
 * active athletes ({@code stride_workout_active_athletes}: athletes with a workout that started in
 * the last 7 days, counted at most once a minute). Never labelled with a person.
 */
@Component
class RecordedWorkouts {

  static final Duration ACTIVE_WINDOW = Duration.ofDays(7);
  private static final Duration REFRESH = Duration.ofMinutes(1);

  private final MeterRegistry meters;
  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Instant countedAt = Instant.EPOCH;
  private volatile long activeAthletes;

  RecordedWorkouts(MeterRegistry meters, JdbcClient jdbc, Clock clock) {
    this.meters = meters;
    this.jdbc = jdbc;
    this.clock = clock;
    Gauge.builder("stride.workout.active.athletes", this, RecordedWorkouts::activeAthletes)
        .description("Athletes with a workout that started in the last 7 days")
        .register(meters);
  }

  void counted(Sport sport, Workout.Source source) {
    Counter.builder("stride.workout.recorded")
        .description("Workouts recorded, by sport and source")
        .tag("sport", sport.apiName())
        .tag("source", source.name().toLowerCase(Locale.ROOT))
        .register(meters)
        .increment();
  }

  private double activeAthletes() {
    if (countedAt.plus(REFRESH).isBefore(clock.instant())) {
      activeAthletes = activeAthletesNow();
    }
    return activeAthletes;
  }

  /** Counts them now (the gauge does at most once a minute). */
  long activeAthletesNow() {
    Instant now = clock.instant();
    long count =
        jdbc.sql("select count(distinct owner_id) from workout where start_time > ?")
            .param(java.sql.Timestamp.from(now.minus(ACTIVE_WINDOW)))
            .query(Long.class)
            .single();
    countedAt = now;
    return count;
  }
}
