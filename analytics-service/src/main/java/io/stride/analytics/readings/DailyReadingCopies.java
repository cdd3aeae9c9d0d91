package io.stride.analytics.readings;

import io.stride.contracts.workout.DailyReadingsSummarized;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest daily readings summary per athlete and day (resting heart rate, steps), and the
 * resting heart rate readiness reads against the athlete's own baseline.
 */
@Service
public class DailyReadingCopies {

  /** Days before the reading that make the baseline, and how many of them must have one. */
  static final int BASELINE_DAYS = 28;

  static final int BASELINE_MINIMUM = 7;

  private final JdbcClient jdbc;

  DailyReadingCopies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the summary unless a later one of the day is held, or the athlete was erased.
   *
   * @return whether it changed the copy
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean apply(DailyReadingsSummarized summary) {
    return jdbc.sql(
                """
                insert into daily_reading (user_id, day, resting_heart_rate, steps, summarized_at)
                select :user, :day, :resting, :steps, :at
                where not exists (select 1 from erased_user where user_id = :user)
                on conflict (user_id, day) do update set
                    resting_heart_rate = excluded.resting_heart_rate, steps = excluded.steps,
                    summarized_at = excluded.summarized_at
                where daily_reading.summarized_at < excluded.summarized_at
                """)
            .param("user", summary.userId())
            .param("day", Date.valueOf(summary.day()))
            .param("resting", summary.restingHeartRate())
            .param("steps", summary.steps())
            .param("at", Timestamp.from(summary.summarizedAt()))
            .update()
        > 0;
  }

  /**
   * The latest resting heart rate of {@code today} or the day before, against the mean of the 28
   * days before it; null without one, or with fewer than 7 days in the baseline.
   */
  public RestingHeartRate restingHeartRate(UUID userId, LocalDate today) {
    return resting(jdbc.sql(RESTING), userId, today)
        .query((rs, n) -> resting(rs))
        .optional()
        .orElse(null);
  }

  /**
   * The query of {@link #restingHeartRate} for a statement that reads more with it: one row, or
   * none without a reading; its parameters are set by {@link #resting(JdbcClient.StatementSpec,
   * UUID, LocalDate)} and its columns read by {@link #resting(ResultSet)}.
   */
  public static final String RESTING =
      """
      with latest as (
        select day, resting_heart_rate from daily_reading
        where user_id = :user and day between :yesterday and :today
          and resting_heart_rate is not null
        order by day desc limit 1
      )
      select l.resting_heart_rate resting_today, avg(b.resting_heart_rate) baseline,
             count(b.resting_heart_rate) baseline_days
      from latest l
      left join daily_reading b on b.user_id = :user
        and b.day >= l.day - :days and b.day < l.day
      group by l.resting_heart_rate
      """;

  /** Sets the parameters of {@link #RESTING}. */
  public static JdbcClient.StatementSpec resting(
      JdbcClient.StatementSpec statement, UUID userId, LocalDate today) {
    return statement
        .param("user", userId)
        .param("today", Date.valueOf(today))
        .param("yesterday", Date.valueOf(today.minusDays(1)))
        .param("days", BASELINE_DAYS);
  }

  /** The resting heart rate of a row of {@link #RESTING}; null without a reading or baseline. */
  public static RestingHeartRate resting(ResultSet rs) throws SQLException {
    Integer today = rs.getObject("resting_today", Integer.class);
    if (today == null || rs.getLong("baseline_days") < BASELINE_MINIMUM) {
      return null;
    }
    return new RestingHeartRate(today, Math.round(rs.getDouble("baseline") * 10) / 10.0);
  }
}
