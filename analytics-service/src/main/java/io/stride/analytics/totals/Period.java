package io.stride.analytics.totals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The buckets totals come in; a week starts on the athlete's region's first day of the week. */
enum Period {
  DAY,
  WEEK,
  MONTH,
  YEAR;

  /** The first day of the bucket {@code day} falls in. */
  LocalDate start(LocalDate day, DayOfWeek firstDayOfWeek) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  /** The first day of the bucket after the one starting on {@code start}. */
  LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case YEAR -> start.plusYears(1);
    };
  }

  /**
   * The SQL expression of the first day of the bucket {@code local_day} falls in (isodow: Monday 1
   * … Sunday 7, as {@link DayOfWeek#getValue()}).
   */
  String bucketSql(DayOfWeek firstDayOfWeek) {
    return switch (this) {
      case DAY -> "local_day";
      case WEEK ->
          "local_day - ((extract(isodow from local_day)::int - "
              + firstDayOfWeek.getValue()
              + " + 7) % 7)";
      case MONTH -> "date_trunc('month', local_day)::date";
      case YEAR -> "date_trunc('year', local_day)::date";
    };
  }

  /** The default span of a chart: 30 days, 12 weeks, 12 months, 5 years. */
  LocalDate defaultFrom(LocalDate to) {
    return switch (this) {
      case DAY -> to.minusDays(29);
      case WEEK -> to.minusWeeks(11);
      case MONTH -> to.minusMonths(11);
      case YEAR -> to.minusYears(4);
    };
  }
}
