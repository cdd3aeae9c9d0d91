package io.stride.integration.listeners;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.integration.delivery.Fanout;
import io.stride.integration.workouts.WorkoutVisibility;
import io.stride.integration.workouts.WorkoutVisibility.Change;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Workouts become webhooks for the athlete's connected partners: {@code workout.created}, {@code
 * workout.updated}, {@code workout.deleted}. A private workout is never sent, nor named: one
 * private from the start sends nothing, not even its deletion; one turning private is {@code
 * workout.deleted} (reason {@code private}) to the partners, who must not keep what they may no
 * longer see. Each state counts once, newest first ({@link WorkoutVisibility}): a late or replayed
 * older state sends nothing. The data are the workout's public facts only, with its version: no
 * title or notes, no coordinates (the summary has none).
 */
@Component
class WorkoutEventsListener {

  private static final String PRIVATE = "private";

  private final Fanout fanout;
  private final PlatformErasure erased;
  private final WorkoutVisibility visibility;

  WorkoutEventsListener(Fanout fanout, PlatformErasure erased, WorkoutVisibility visibility) {
    this.fanout = fanout;
    this.erased = erased;
    this.visibility = visibility;
  }

  @EventHandler
  void recorded(EventEnvelope<WorkoutRecorded> envelope) {
    state(envelope.id(), envelope.payload().workout(), 0, "workout.created");
  }

  @EventHandler
  void updated(EventEnvelope<WorkoutUpdated> envelope) {
    state(
        envelope.id(),
        envelope.payload().workout(),
        envelope.payload().version(),
        "workout.updated");
  }

  @EventHandler
  void deleted(EventEnvelope<WorkoutDeleted> envelope) {
    WorkoutDeleted event = envelope.payload();
    if (erased.isErased(event.userId())) {
      return;
    }
    Change change =
        visibility.apply(event.workoutId(), event.userId(), WorkoutVisibility.DELETED, false);
    if (change == Change.HIDDEN) {
      fanout.queue(
          envelope.id(),
          event.userId(),
          "workout.deleted",
          deleted(event.workoutId(), event.userId(), "deleted"));
    }
  }

  /** A state of the workout: sent as {@code type} if partners may see it, else perhaps dropped. */
  private void state(UUID eventId, WorkoutSummary workout, long version, String type) {
    if (erased.isErased(workout.userId())) {
      return;
    }
    Change change =
        visibility.apply(workout.workoutId(), workout.userId(), version, !isPrivate(workout));
    switch (change) {
      case SHOWN, CHANGED -> fanout.queue(eventId, workout.userId(), type, facts(workout, version));
      case HIDDEN ->
          fanout.queue(
              eventId,
              workout.userId(),
              "workout.deleted",
              deleted(workout.workoutId(), workout.userId(), PRIVATE));
      case NONE -> {}
    }
  }

  private static boolean isPrivate(WorkoutSummary workout) {
    return workout.visibility() == null || workout.visibility().equalsIgnoreCase(PRIVATE);
  }

  private static Map<String, Object> deleted(UUID workoutId, UUID athleteId, String reason) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("workoutId", workoutId);
    data.put("athleteId", athleteId);
    data.put("reason", reason);
    return data;
  }

  /** Sport, start, distances, durations, heart rate: what a partner may know of the workout. */
  private static Map<String, Object> facts(WorkoutSummary workout, long version) {
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
    data.put("version", version);
    return data;
  }
}
