package io.stride.analytics.listeners;

import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.fitness.TrainingState;
import io.stride.analytics.kpis.PlatformKpis;
import io.stride.analytics.workouts.WorkoutCopies;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Workouts into totals and load: a recorded workout (version 0), a newer state of one or its
 * deletion changes the copy, and the owner's training state is published again. An older or
 * repeated event changes nothing.
 */
@Component
class WorkoutEventsListener {

  private final WorkoutCopies workouts;
  private final Athletes athletes;
  private final TrainingState state;
  private final PlatformKpis kpis;

  WorkoutEventsListener(
      WorkoutCopies workouts, Athletes athletes, TrainingState state, PlatformKpis kpis) {
    this.workouts = workouts;
    this.athletes = athletes;
    this.state = state;
    this.kpis = kpis;
  }

  @EventHandler
  void on(WorkoutRecorded event) {
    Athlete athlete = apply(event.workout(), 0);
    if (athlete != null) {
      kpis.recorded(event.workout().sport(), athlete.region());
    }
  }

  @EventHandler
  void on(WorkoutUpdated event) {
    apply(event.workout(), event.version());
  }

  @EventHandler
  void on(WorkoutDeleted event) {
    state.lock(event.userId());
    if (workouts.delete(event.workoutId(), event.userId())) {
      state.refresh(event.userId());
    }
  }

  /** The owner, when this state of the workout changed the copy; null when it did not. */
  private Athlete apply(WorkoutSummary workout, long version) {
    state.lock(workout.userId());
    Athlete athlete = athletes.find(workout.userId());
    if (workouts.apply(workout, version, athlete)) {
      state.refresh(workout.userId(), athlete);
      return athlete;
    }
    return null;
  }
}
