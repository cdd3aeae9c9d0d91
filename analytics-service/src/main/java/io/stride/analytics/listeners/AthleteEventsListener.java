package io.stride.analytics.listeners;

import io.stride.analytics.athletes.Athlete;
import io.stride.analytics.athletes.Athletes;
import io.stride.analytics.erasure.AnalyticsErasure;
import io.stride.analytics.fitness.TrainingState;
import io.stride.analytics.workouts.WorkoutCopies;
import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Profiles and erasures: a new zone moves workouts to other local days, new heart rates, sex or
 * birth date change their TRIMP; both recompute the athlete's workouts and publish the state again.
 * A deleted account is erased.
 */
@Component
class AthleteEventsListener {

  private final Athletes athletes;
  private final WorkoutCopies workouts;
  private final TrainingState state;
  private final AnalyticsErasure erasure;

  AthleteEventsListener(
      Athletes athletes, WorkoutCopies workouts, TrainingState state, AnalyticsErasure erasure) {
    this.athletes = athletes;
    this.workouts = workouts;
    this.state = state;
    this.erasure = erasure;
  }

  @EventHandler
  void on(ProfileUpdated event) {
    state.lock(event.userId());
    Athlete before = athletes.apply(event);
    if (before == null) {
      return;
    }
    Athlete after = athletes.find(event.userId());
    if (!modelInputs(before).equals(modelInputs(after))) {
      if (workouts.recompute(event.userId(), after) > 0) {
        state.refresh(event.userId());
      }
    }
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }

  /** What the copies derive from the profile: all of it but the region (weeks are per request). */
  private static Athlete modelInputs(Athlete athlete) {
    return new Athlete(
        athlete.zone(),
        null,
        athlete.sex(),
        athlete.birthDate(),
        athlete.maxHeartRate(),
        athlete.restingHeartRate());
  }
}
