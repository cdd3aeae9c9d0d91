package io.stride.recommendation.listeners;

import io.stride.contracts.analytics.TrainingLoadUpdated;
import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.contracts.workout.WorkoutDeleted;
import io.stride.contracts.workout.WorkoutRecorded;
import io.stride.contracts.workout.WorkoutUpdated;
import io.stride.platform.events.EventHandler;
import io.stride.recommendation.athletes.Athletes;
import io.stride.recommendation.athletes.Workouts;
import io.stride.recommendation.erasure.RecommendationErasure;
import io.stride.recommendation.lists.StoredSuggestions;
import io.stride.recommendation.refresh.RefreshQueue;
import io.stride.recommendation.training.TrainingStates;
import org.springframework.stereotype.Component;

/**
 * What the athlete is: profile (region, time zone, privacy), workouts (sports, level, recent
 * pattern) and training state; each change makes the athlete's lists due. A deleted account is
 * erased.
 */
@Component
class AthleteEventsListener {

  /** How many lists holding an account that turned private are made again at once. */
  static final int HOLDERS_TOLD = 5000;

  private final Athletes athletes;
  private final Workouts workouts;
  private final TrainingStates states;
  private final RefreshQueue queue;
  private final RecommendationErasure erasure;
  private final StoredSuggestions lists;

  AthleteEventsListener(
      Athletes athletes,
      Workouts workouts,
      TrainingStates states,
      RefreshQueue queue,
      RecommendationErasure erasure,
      StoredSuggestions lists) {
    this.athletes = athletes;
    this.workouts = workouts;
    this.states = states;
    this.queue = queue;
    this.erasure = erasure;
    this.lists = lists;
  }

  @EventHandler
  void on(ProfileUpdated event) {
    Athletes.Applied applied = athletes.apply(event);
    if (applied == Athletes.Applied.TURNED_PRIVATE) {
      // Reads hide a private account from everyone but fellow club members at once; their lists
      // are made again so that what they show of it no longer says "nearby" or "friends in common".
      queue.due(lists.holdersOf(event.userId(), HOLDERS_TOLD));
    }
    if (applied != Athletes.Applied.NOTHING) {
      queue.due(event.userId());
    }
  }

  @EventHandler
  void on(WorkoutRecorded event) {
    if (workouts.apply(event.workout(), 0)) {
      queue.due(event.workout().userId());
    }
  }

  @EventHandler
  void on(WorkoutUpdated event) {
    if (workouts.apply(event.workout(), event.version())) {
      queue.due(event.workout().userId());
    }
  }

  @EventHandler
  void on(WorkoutDeleted event) {
    if (workouts.delete(event.workoutId())) {
      queue.due(event.userId());
    }
  }

  @EventHandler
  void on(TrainingLoadUpdated event) {
    if (states.apply(event)) {
      queue.due(event.userId());
    }
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
