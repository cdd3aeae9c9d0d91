package io.stride.analytics.fitness;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.readings.DailyReadingCopies;
import io.stride.analytics.readings.RestingHeartRate;
import io.stride.contracts.analytics.TrainingLoadUpdated;
import io.stride.platform.events.EventPublisher;
import io.stride.platform.locks.TransactionLocks;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
                "Moving an athlete's carried state by a change, or running their daily loads, to today; storing and publishing it")
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
    return history(userId, LocalDate.of(9999, 12, 31));
  }

  /** The athlete's daily loads up to {@code through}, oldest first. */
  public History history(UUID userId, LocalDate through) {
    DailyLoads.Builder loads = new DailyLoads.Builder();
    jdbc.sql(
            """
            select local_day - date '1970-01-01', sum(load) from workout
            where owner_id = ? and not deleted and local_day <= ?
            group by local_day order by local_day
            """)
        .params(userId, Date.valueOf(through))
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

  /** The athlete and their carried state (null before it is computed), read under the lock. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Loaded read(UUID userId) {
    return jdbc.sql(
            "select "
                + Athletes.COLUMNS
                + """
                , s.anchor_day, s.anchor_load, s.fitness, s.fatigue, s.acute, s.chronic
                from (select cast(? as uuid) id) u
                left join athlete a on a.user_id = u.id
                left join training_state s on s.user_id = u.id
                """)
        .param(userId)
        .query(
            (rs, n) ->
                new Loaded(
                    Athletes.of(rs),
                    rs.getObject("anchor_day") == null
                        ? null
                        : new CarriedState(
                            rs.getObject("anchor_day", LocalDate.class).toEpochDay(),
                            rs.getDouble("anchor_load"),
                            rs.getDouble("fitness"),
                            rs.getDouble("fatigue"),
                            rs.getDouble("acute"),
                            rs.getDouble("chronic"))))
        .single();
  }

  /** An athlete with their carried state; null before it was computed. */
  public record Loaded(Athlete athlete, CarriedState carried) {}

  /** A day's load changed by {@code delta} (a workout added, edited, moved or deleted). */
  public record LoadChange(LocalDate day, double delta) {}

  /**
   * The athlete's daily loads changed by {@code changes}: their carried state moves by them (no
   * history is read), is stored, and the state of their today is published; runs in the transaction
   * of the event that changed them, after {@link #read}.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void changed(UUID userId, Loaded loaded, List<LoadChange> changes) {
    LocalDate today = today(loaded.athlete());
    CarriedState carried = loaded.carried();
    if (carried == null) {
      refresh(userId, loaded.athlete());
      return;
    }
    for (LoadChange change : changes) {
      carried = carried.plus(change.day().toEpochDay(), change.delta());
    }
    if (carried.anchorDay() > today.toEpochDay()) {
      refresh(userId, loaded.athlete()); // training after the athlete's today: run the history
      return;
    }
    CarriedState moved = carried.movedTo(today.toEpochDay());
    refreshTimer.record(
        () -> {
          Stored stored = store(userId, moved, today);
          CarriedState published =
              stored.firstDay() == null
                  ? new CarriedState(moved.anchorDay(), 0, 0, 0, 0, 0)
                  : moved;
          if (published != moved) {
            store(userId, published, today);
          }
          publish(userId, today, series(published, today, stored.firstDay()), stored);
        });
  }

  /**
   * Publishes the athlete's state as of their today, run from their whole history, and carries it
   * from there on; runs in the transaction of the event that changed it.
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
          LocalDate today = today(athlete);
          DailyLoads loads = history(userId).loads();
          long last = loads.size() == 0 ? today.toEpochDay() : loads.day(loads.size() - 1);
          CarriedState carried = CarriedState.of(loads, Math.max(last, today.toEpochDay()));
          Stored stored = store(userId, carried, today);
          FitnessSeries series =
              last > today.toEpochDay()
                  ? FitnessModel.series(loads, today.minusDays(1), today)
                  : series(carried, today, loads.firstDay());
          publish(userId, today, series, stored);
        });
  }

  /** The day before {@code today} (0) and {@code today} (1) of a carried state. */
  static FitnessSeries series(CarriedState carried, LocalDate today, LocalDate firstDay) {
    FitnessSeries series = new FitnessSeries(today.minusDays(1), 2);
    if (firstDay == null) {
      return series;
    }
    for (int i = 0; i < 2; i++) {
      long day = today.toEpochDay() - 1 + i;
      double[] x = carried.endOf(day);
      boolean longEnough = day - firstDay.toEpochDay() + 1 >= FitnessModel.RATIO_HISTORY_DAYS;
      Double ratio = longEnough && x[3] > 1e-9 ? x[2] / x[3] : null;
      series.set(i, day == carried.anchorDay() ? carried.anchorLoad() : 0, x[0], x[1], ratio);
    }
    return series;
  }

  /** Stores the carried state; reads the first day of the history and the resting heart rate. */
  private Stored store(UUID userId, CarriedState carried, LocalDate today) {
    return DailyReadingCopies.resting(
            jdbc.sql(
                """
                with saved as (
                    insert into training_state (user_id, anchor_day, anchor_load, fitness, fatigue,
                        acute, chronic)
                    select :user, :anchor, :anchorLoad, :fitness, :fatigue, :acute, :chronic
                    where not exists (select 1 from erased_user where user_id = :user)
                    on conflict (user_id) do update set
                        anchor_day = excluded.anchor_day, anchor_load = excluded.anchor_load,
                        fitness = excluded.fitness, fatigue = excluded.fatigue,
                        acute = excluded.acute, chronic = excluded.chronic
                    returning 1)
                select f.first_day, r.*
                from (select min(local_day) first_day from workout
                      where owner_id = :user and not deleted) f
                left join lateral (
                """
                    + DailyReadingCopies.RESTING
                    + ") r on true"),
            userId,
            today)
        .param("anchor", Date.valueOf(LocalDate.ofEpochDay(carried.anchorDay())))
        .param("anchorLoad", carried.anchorLoad())
        .param("fitness", carried.fitness())
        .param("fatigue", carried.fatigue())
        .param("acute", carried.acute())
        .param("chronic", carried.chronic())
        .query(
            (rs, n) ->
                new Stored(
                    rs.getObject("first_day", LocalDate.class), DailyReadingCopies.resting(rs)))
        .single();
  }

  /** The first day of the athlete's history (null: none) and their resting heart rate. */
  private record Stored(LocalDate firstDay, RestingHeartRate resting) {}

  private void publish(UUID userId, LocalDate today, FitnessSeries series, Stored stored) {
    long historyDays =
        stored.firstDay() == null ? 0 : ChronoUnit.DAYS.between(stored.firstDay(), today);
    Readiness readiness =
        Readiness.of(
            series.fitness(0), series.fatigue(0), series.ratio(0), historyDays, stored.resting());
    events.publish(
        new TrainingLoadUpdated(
            userId,
            today,
            Rounding.tenth(series.fitness(1)),
            Rounding.tenth(series.fatigue(1)),
            Rounding.tenth(series.form(1)),
            Rounding.hundredth(series.ratio(1)),
            readiness.score(),
            readiness.reasons().stream().map(Readiness.Reason::code).toList(),
            clock.instant()));
  }

  /** Daily loads by local day; {@code firstDay} is null for an athlete without workouts. */
  public record History(DailyLoads loads) {

    public LocalDate firstDay() {
      return loads.firstDay();
    }
  }
}
