package io.stride.analytics.totals;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** Totals shaped for charts: aligned, zero-filled arrays, one entry per bucket. */
final class TotalsResponses {

  private TotalsResponses() {}

  /**
   * Totals per bucket from the bucket holding {@code from} to the one holding {@code to}.
   *
   * @param starts the first local day of each bucket; entry i of every series is bucket i
   * @param overall all sports together
   * @param sports one series per sport the caller did in the range, by sport name
   */
  record TotalsSeries(
      @Schema(allowableValues = {"day", "week", "month", "year"}) String period,
      LocalDate from,
      LocalDate to,
      @Schema(example = "Europe/Berlin") String timeZone,
      @Schema(example = "monday") String firstDayOfWeek,
      List<LocalDate> starts,
      Series overall,
      List<SportSeries> sports) {}

  /** Aligned arrays of the totals; seconds of moving time (elapsed where none was recorded). */
  record Series(
      List<Integer> workouts,
      List<Double> distanceMeters,
      List<Long> movingSeconds,
      List<Double> elevationGainMeters,
      List<Long> calories) {}

  record SportSeries(@Schema(example = "run") String sport, Series series) {}

  /**
   * This week against last week and the four weeks before this one.
   *
   * @param lastFourWeeks the four full weeks before this one, summed
   * @param fourWeekAverage their weekly average
   */
  record WeekComparison(
      @Schema(example = "Europe/Berlin") String timeZone,
      @Schema(example = "monday") String firstDayOfWeek,
      Totals thisWeek,
      Totals lastWeek,
      Totals lastFourWeeks,
      Totals fourWeekAverage) {}

  /** The totals of one span of local days, overall and per sport. */
  record Totals(
      LocalDate from,
      LocalDate to,
      double workouts,
      double distanceMeters,
      double movingSeconds,
      double elevationGainMeters,
      double calories,
      List<SportTotals> sports) {}

  record SportTotals(
      @Schema(example = "run") String sport,
      double workouts,
      double distanceMeters,
      double movingSeconds,
      double elevationGainMeters,
      double calories) {}
}
