package io.stride.workout.readings;

import io.stride.contracts.workout.DailyReadingsSummarized;
import io.stride.platform.events.EventPublisher;
import io.stride.workout.athletes.Athletes;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code DailyReadingsSummarized} for the days new readings changed: each stored batch marks its
 * local days due {@code stride.readings.summaries.delay} later (a day already due keeps its time),
 * and every {@code stride.readings.summaries.interval} the due days are summarized and published
 * where a figure changed. Replicas share the work ({@code for update skip locked}); the outbox
 * sends what a committed run published.
 */
@Service
public class ReadingSummaries {

  private static final Logger log = LoggerFactory.getLogger(ReadingSummaries.class);
  private static final int PER_RUN = 500;

  private final JdbcClient jdbc;
  private final ReadingStore store;
  private final Athletes athletes;
  private final EventPublisher events;
  private final Clock clock;
  private final Duration delay;

  ReadingSummaries(
      JdbcClient jdbc,
      ReadingStore store,
      Athletes athletes,
      EventPublisher events,
      Clock clock,
      @Value("${stride.readings.summaries.delay:PT1M}") Duration delay) {
    this.jdbc = jdbc;
    this.store = store;
    this.athletes = athletes;
    this.events = events;
    this.clock = clock;
    this.delay = delay;
  }

  /** Marks the local days of {@code times} due, in the transaction that stored the readings. */
  @Transactional(propagation = Propagation.MANDATORY)
  void due(UUID user, ZoneId zone, Instant[] times) {
    Set<LocalDate> days = new TreeSet<>();
    for (Instant time : times) {
      days.add(time.atZone(zone).toLocalDate());
    }
    Timestamp dueAt = Timestamp.from(clock.instant().plus(delay));
    for (LocalDate day : days) {
      jdbc.sql(
              """
              insert into reading_day_due (user_id, day, due_at) values (?, ?, ?)
              on conflict do nothing
              """)
          .params(user, Date.valueOf(day), dueAt)
          .update();
    }
  }

  @Scheduled(
      initialDelayString = "${stride.readings.summaries.interval:PT30S}",
      fixedDelayString = "${stride.readings.summaries.interval:PT30S}")
  void run() {
    try {
      while (publishDue(PER_RUN) == PER_RUN) {
        log.debug("More reading days are due; summarizing the next {}", PER_RUN);
      }
    } catch (RuntimeException e) {
      log.warn("Summarizing reading days stopped; the next run goes on", e);
    }
  }

  /**
   * Summarizes up to {@code limit} due days and publishes those whose steps or resting heart rate
   * changed since they were last published.
   *
   * @return how many due days it took on
   */
  @Transactional
  public int publishDue(int limit) {
    List<DueDay> due =
        jdbc.sql(
                """
                select user_id, day from reading_day_due where due_at <= ?
                order by due_at limit ? for update skip locked
                """)
            .params(Timestamp.from(clock.instant()), limit)
            .query((rs, n) -> new DueDay(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()))
            .list();
    for (DueDay day : due) {
      summarize(day);
      jdbc.sql("delete from reading_day_due where user_id = ? and day = ?")
          .params(day.user(), Date.valueOf(day.day()))
          .update();
    }
    return due.size();
  }

  private void summarize(DueDay due) {
    ZoneId zone = athletes.of(due.user()).timeZone();
    List<DailyReadings> days = store.daily(due.user(), zone, due.day(), due.day());
    Long steps = days.isEmpty() ? null : days.get(0).steps();
    Long resting = days.isEmpty() ? null : days.get(0).restingHeartRate();
    Integer restingHeartRate = resting == null ? null : resting.intValue();
    if (steps == null && restingHeartRate == null) {
      return; // only other kinds of readings that day (positions, cadence …): nothing to tell
    }
    int changed =
        jdbc.sql(
                """
                insert into reading_day_summary (user_id, day, steps, resting_heart_rate)
                values (:user, :day, :steps, :resting)
                on conflict (user_id, day) do update set
                    steps = excluded.steps, resting_heart_rate = excluded.resting_heart_rate
                where (reading_day_summary.steps, reading_day_summary.resting_heart_rate)
                      is distinct from (excluded.steps, excluded.resting_heart_rate)
                """)
            .param("user", due.user())
            .param("day", Date.valueOf(due.day()))
            .param("steps", steps)
            .param("resting", restingHeartRate)
            .update();
    if (changed > 0) {
      events.publish(
          new DailyReadingsSummarized(
              due.user(), due.day(), steps, restingHeartRate, clock.instant()));
    }
  }

  private record DueDay(UUID user, LocalDate day) {}
}
