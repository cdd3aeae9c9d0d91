package io.stride.analytics.listeners;

import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.fitness.TrainingState;
import io.stride.analytics.kpis.PlatformKpis;
import io.stride.analytics.workouts.WorkoutCopies;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutSummary;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventHandler;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Workouts into totals and load: a recorded workout (version 0), a newer state of one or its
 * deletion changes the copy, the owner's carried training state moves by the load it changed (no
 * history is read), and their state of today is published again. An older or repeated event changes
 * nothing.
 */
@Component
class WorkoutEventsListener {

  private final WorkoutCopies workouts;
  private final TrainingState state;
  private final PlatformKpis kpis;

  WorkoutEventsListener(WorkoutCopies workouts, TrainingState state, PlatformKpis kpis) {
    this.workouts = workouts;
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
    TrainingState.Loaded loaded = state.read(event.userId());
    WorkoutCopies.Change change = workouts.delete(event.workoutId(), event.userId());
    if (change != null) {
      state.changed(event.userId(), loaded, loadChanges(change));
    }
  }

  /** The owner, when this state of the workout changed the copy; null when it did not. */
  private Athlete apply(WorkoutSummary workout, long version) {
    state.lock(workout.userId());
    TrainingState.Loaded loaded = state.read(workout.userId());
    WorkoutCopies.Change change = workouts.apply(workout, version, loaded.athlete());
    if (change != null) {
      state.changed(workout.userId(), loaded, loadChanges(change));
      return loaded.athlete();
    }
    return null;
  }

  /** The load leaves the day it counted on and lands on the day it counts on now. */
  static List<TrainingState.LoadChange> loadChanges(WorkoutCopies.Change change) {
    List<TrainingState.LoadChange> changes = new ArrayList<>(2);
    if (change.oldDay() != null) {
      changes.add(new TrainingState.LoadChange(change.oldDay(), -change.oldLoad()));
    }
    if (change.day() != null) {
      changes.add(new TrainingState.LoadChange(change.day(), change.load()));
    }
    return changes;
  }
}
