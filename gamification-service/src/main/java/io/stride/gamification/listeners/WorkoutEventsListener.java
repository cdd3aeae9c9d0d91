package io.stride.gamification.listeners;

import io.stride.contracts.workout.PersonalRecordSet;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.gamification.standing.Progress;
import io.stride.gamification.workouts.WorkoutCopies;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Workouts into standings: a recorded workout (version 0), a newer state of one, its deletion or a
 * record it set changes the copy, and the owner's standing is folded again. An older or repeated
 * event changes nothing.
 */
@Component
class WorkoutEventsListener {

  private final WorkoutCopies workouts;
  private final Progress progress;

  WorkoutEventsListener(WorkoutCopies workouts, Progress progress) {
    this.workouts = workouts;
    this.progress = progress;
  }

  @EventHandler
  void on(WorkoutRecorded event) {
    progress.lock(event.workout().userId());
    if (workouts.apply(event.workout(), 0)) {
      progress.recompute(event.workout().userId());
    }
  }

  @EventHandler
  void on(WorkoutUpdated event) {
    progress.lock(event.workout().userId());
    if (workouts.apply(event.workout(), event.version())) {
      progress.recompute(event.workout().userId());
    }
  }

  @EventHandler
  void on(WorkoutDeleted event) {
    progress.lock(event.userId());
    if (workouts.delete(event.workoutId(), event.userId())) {
      progress.recompute(event.userId());
    }
  }

  @EventHandler
  void on(PersonalRecordSet event) {
    progress.lock(event.userId());
    if (workouts.recordSet(event)) {
      progress.recompute(event.userId());
    }
  }
}
