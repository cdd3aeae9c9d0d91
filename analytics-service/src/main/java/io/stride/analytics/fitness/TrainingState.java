package io.stride.analytics.fitness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.readings.DailyReadingCopies;
import io.stride.contracts.analytics.TrainingLoadUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.locks.TransactionLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An athlete's training state: the daily loads their workouts add up to, the model over them, and
 * the {@code TrainingLoadUpdated} that tells other services when it changed.
 */
@Service
public class TrainingState {

  private final JdbcClient jdbc;
  private final Athletes athletes;
  private final DailyReadingCopies readings;
  private final EventPublisher events;
  private final Clock clock;
  private final Timer refreshTimer;

  TrainingState(
      JdbcClient jdbc,
      Athletes athletes,
      DailyReadingCopies readings,
      EventPublisher events,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.athletes = athletes;
    this.readings = readings;
    this.events = events;
    this.clock = clock;
    this.refreshTimer =
        Timer.builder("stride.analytics.refresh")
            .description(
                "Reading an athlete's daily loads, running the model to today and publishing it")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** The lock every change of an athlete's workouts or profile holds; erasure takes it too. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(UUID userId) {
    TransactionLocks.hold(jdbc, "analytics-athlete:" + userId);
  }

  /** The athlete's daily loads, oldest first. */
  public History history(UUID userId) {
    DailyLoads.Builder loads = new DailyLoads.Builder();
    jdbc.sql(
            """
            select local_day - date '1970-01-01', sum(load) from workout
            where owner_id = ? and not deleted group by local_day order by local_day
            """)
        .param(userId)
        .query((RowCallbackHandler) rs -> loads.add(rs.getLong(1), rs.getDouble(2)));
    return new History(loads.build());
  }

  /** The athlete's today, on their own clock. */
  public LocalDate today(Athlete athlete) {
    return LocalDate.now(clock.withZone(athlete.zone()));
  }

  /**
   * The athlete's yesterday and today in the model (the series' days 0 and 1) and today's
   * readiness, which reads the state they go into today with (yesterday's end) and the resting
   * heart rate of today or yesterday.
   */
  Today stateOfToday(UUID userId) {
    return stateOfToday(userId, athletes.find(userId));
  }

  private Today stateOfToday(UUID userId, Athlete athlete) {
    LocalDate today = today(athlete);
    History history = history(userId);
    FitnessSeries series = FitnessModel.series(history.loads(), today.minusDays(1), today);
    long historyDays =
        history.firstDay() == null ? 0 : ChronoUnit.DAYS.between(history.firstDay(), today);
    Readiness readiness =
        Readiness.of(
            series.fitness(0),
            series.fatigue(0),
            series.ratio(0),
            historyDays,
            readings.restingHeartRate(userId, today));
    return new Today(today, series, readiness);
  }

  /** A day in the model: {@code series} holds the day before (0) and the day (1). */
  record Today(LocalDate day, FitnessSeries series, Readiness readiness) {}

  /**
   * Publishes the athlete's state as of their today; runs in the transaction of the event that
   * changed it.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(UUID userId) {
    refresh(userId, athletes.find(userId));
  }

  /** {@link #refresh(UUID)} for an athlete read in this transaction already. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void refresh(UUID userId, Athlete athlete) {
    refreshTimer.record(
        () -> {
          Today today = stateOfToday(userId, athlete);
          FitnessSeries series = today.series();
          events.publish(
              new TrainingLoadUpdated(
                  userId,
                  today.day(),
                  Rounding.tenth(series.fitness(1)),
                  Rounding.tenth(series.fatigue(1)),
                  Rounding.tenth(series.form(1)),
                  Rounding.hundredth(series.ratio(1)),
                  today.readiness().score(),
                  today.readiness().reasons().stream().map(Readiness.Reason::code).toList(),
                  clock.instant()));
        });
  }

  /** Daily loads by local day; {@code firstDay} is null for an athlete without workouts. */
  public record History(DailyLoads loads) {

    public LocalDate firstDay() {
      return loads.firstDay();
    }
  }
}
