package io.stride.workout.records;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The caller's records per sport family, as FitTrackee and Strava show them. */
record RecordsResponse(List<FamilyRecords> families) {

  /**
   * One family's records (all runs compete with each other, all outdoor rides with each other).
   * Each is null until a workout sets it.
   */
  record FamilyRecords(
      @Schema(allowableValues = {"running", "on_foot", "cycling", "water", "indoor", "other"})
          String family,
      @Schema(description = "The longest distance, metres") @Nullable Record farthest,
      @Schema(description = "The longest moving time, seconds") @Nullable Record longest,
      @Schema(description = "The most elevation gain, metres") @Nullable Record mostClimbing,
      @Schema(
              description =
                  "The fastest average speed (distance ÷ moving time, m/s) of a workout of at"
                      + " least 1 km")
          @Nullable Record fastestAverageSpeed,
      @Schema(description = "The fastest time at each best-effort distance")
          List<EffortRecord> bestEfforts) {}

  /** A record: its value and the workout that set it. */
  record Record(double value, UUID workoutId, Instant startTime) {}

  /** The fastest time over a named distance, and the workout it was run or ridden in. */
  record EffortRecord(
      String effort, double meters, double seconds, UUID workoutId, Instant startTime) {}
}
