package io.stride.analytics.fitness;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Answers of the fitness endpoints; numbers rounded to one decimal, ratios to two. */
final class FitnessResponses {

  private FitnessResponses() {}

  /**
   * The model per local day, as aligned arrays for a chart: entry i of each array is day {@code
   * from + i}.
   *
   * @param load the day's training load (the sum of its workouts' loads)
   * @param fitness CTL, the 42-day exponentially weighted average of the load
   * @param fatigue ATL, the 7-day one
   * @param form TSB, fitness − fatigue
   * @param acuteChronicRatio EWMA ratio of the 7-day and 28-day loads; null before 28 days of
   *     history
   */
  record FitnessSeriesResponse(
      LocalDate from,
      LocalDate to,
      @Schema(example = "Europe/Berlin") String timeZone,
      List<Double> load,
      List<Double> fitness,
      List<Double> fatigue,
      List<Double> form,
      List<@Nullable Double> acuteChronicRatio) {}

  /**
   * Today's readiness with the state behind it (the end of yesterday) and its reasons.
   *
   * @param score 0–100, null before 14 days of history
   * @param level ready, moderate, rest or unknown
   */
  record ReadinessResponse(
      LocalDate day,
      @Nullable Integer score,
      @Schema(allowableValues = {"ready", "moderate", "rest", "unknown"}) String level,
      double fitness,
      double fatigue,
      double form,
      @Nullable Double acuteChronicRatio,
      List<Readiness.Reason> reasons) {}
}
