package io.stride.integration.listeners;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.integration.delivery.Fanout;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Workouts become webhooks for the athlete's connected partners: {@code workout.created}, {@code
 * workout.updated}, {@code workout.deleted}. A private workout is never sent; one turning private
 * is {@code workout.deleted} (reason {@code private}) to the partners, who must not keep what they
 * may no longer see. The data are the workout's public facts only: no title or notes, no
 * coordinates (the summary has none).
 */
@Component
class WorkoutEventsListener {

  private static final String PRIVATE = "private";

  private final Fanout fanout;
  private final PlatformErasure erased;

  WorkoutEventsListener(Fanout fanout, PlatformErasure erased) {
    this.fanout = fanout;
    this.erased = erased;
  }

  @EventHandler
  void recorded(EventEnvelope<WorkoutRecorded> envelope) {
    WorkoutSummary workout = envelope.payload().workout();
    if (isPrivate(workout) || erased.isErased(workout.userId())) {
      return;
    }
    fanout.queue(envelope.id(), workout.userId(), "workout.created", facts(workout, null));
  }

  @EventHandler
  void updated(EventEnvelope<WorkoutUpdated> envelope) {
    WorkoutSummary workout = envelope.payload().workout();
    if (erased.isErased(workout.userId())) {
      return;
    }
    if (isPrivate(workout)) {
      fanout.queue(envelope.id(), workout.userId(), "workout.deleted", deleted(workout, PRIVATE));
      return;
    }
    fanout.queue(
        envelope.id(),
        workout.userId(),
        "workout.updated",
        facts(workout, envelope.payload().version()));
  }

  @EventHandler
  void deleted(EventEnvelope<WorkoutDeleted> envelope) {
    WorkoutDeleted event = envelope.payload();
    if (erased.isErased(event.userId())) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workoutId", event.workoutId());
    data.put("athleteId", event.userId());
    data.put("reason", "deleted");
    fanout.queue(envelope.id(), event.userId(), "workout.deleted", data);
  }

  private static boolean isPrivate(WorkoutSummary workout) {
    return workout.visibility() == null || workout.visibility().equalsIgnoreCase(PRIVATE);
  }

  private static Map<String, Object> deleted(WorkoutSummary workout, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workoutId", workout.workoutId());
    data.put("athleteId", workout.userId());
    data.put("reason", reason);
    return data;
  }

  /** Sport, start, distances, durations, heart rate: what a partner may know of the workout. */
  private static Map<String, Object> facts(WorkoutSummary workout, Long version) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workoutId", workout.workoutId());
    data.put("athleteId", workout.userId());
    data.put("sport", workout.sport());
    data.put("startTime", workout.startTime().toString());
    data.put("elapsedSeconds", workout.elapsedSeconds());
    data.put("movingSeconds", workout.movingSeconds());
    data.put("distanceMeters", workout.distanceMeters());
    data.put("elevationGainMeters", workout.elevationGainMeters());
    data.put("averageHeartRate", workout.averageHeartRate());
    data.put("maxHeartRate", workout.maxHeartRate());
    data.put("visibility", workout.visibility().toLowerCase(Locale.ROOT));
    if (version != null) {
      data.put("version", version);
    }
    return data;
  }
}
