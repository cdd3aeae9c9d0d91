package io.stride.workout.workouts;

import io.stride.contracts.workout.WorkoutSummary;
import io.stride.workout.metrics.ActivityMetrics;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns a workout into what the API answers and what events carry. */
@Component
class WorkoutViews {

  private final JsonMapper json;

  WorkoutViews(JsonMapper json) {
    this.json = json;
  }

  WorkoutResponse response(Workout w) {
    return new WorkoutResponse(
        w.id(),
        w.ownerId(),
        w.sport().apiName(),
        w.title(),
        w.notes(),
        w.visibility().apiName(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.elevationLossMeters(),
        averageSpeed(w),
        w.calories(),
        w.caloriesSource() == null ? null : lower(w.caloriesSource().name()),
        w.averageHeartRate(),
        w.maxHeartRate(),
        lower(w.source().name()),
        w.device(),
        w.deviceName(),
        w.importId(),
        w.gearId(),
        w.perceivedEffort(),
        tree(w.metrics()),
        tree(w.deviceTotals()),
        tree(w.laps()),
        w.createdAt(),
        w.updatedAt());
  }

  /** The event summary; best efforts and plausibility facts read back from the stored metrics. */
  WorkoutSummary summary(Workout w) {
    return summary(
        w, w.metrics() == null ? null : json.readValue(w.metrics(), ActivityMetrics.class));
  }

  /**
   * The event summary of a workout whose metrics are at hand (just computed; null for one entered
   * by hand).
   */
  WorkoutSummary summary(Workout w, ActivityMetrics metrics) {
    List<ActivityMetrics.BestEffortEntry> bestEfforts =
        metrics == null || metrics.bestEfforts() == null ? List.of() : metrics.bestEfforts();
    List<WorkoutSummary.BestEffort> efforts =
        bestEfforts.stream()
            .map(e -> new WorkoutSummary.BestEffort(e.name(), e.meters(), e.seconds()))
            .toList();
    return new WorkoutSummary(
        w.id(),
        w.ownerId(),
        w.sport().apiName(),
        w.title(),
        w.startTime(),
        w.elapsedSeconds(),
        w.movingSeconds() == null ? null : w.movingSeconds().longValue(),
        w.distanceMeters(),
        w.elevationGainMeters(),
        w.calories(),
        w.averageHeartRate(),
        w.visibility().apiName(),
        lower(w.source().name()),
        efforts,
        metrics == null ? null : metrics.maxSpeed(),
        w.maxHeartRate(),
        metrics == null ? null : metrics.gpsJumps(),
        metrics == null || metrics.heartRateZones() == null
            ? null
            : metrics.heartRateZones().seconds(),
        w.perceivedEffort());
  }

  String write(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  private JsonNode tree(String text) {
    return text == null ? null : json.readTree(text);
  }

  private static Double averageSpeed(Workout w) {
    Integer seconds = w.movingSeconds() != null ? w.movingSeconds() : w.elapsedSeconds();
    return w.distanceMeters() == null || seconds == null || seconds == 0
        ? null
        : w.distanceMeters() / seconds;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
