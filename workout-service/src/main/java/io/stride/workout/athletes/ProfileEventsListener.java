package io.stride.workout.athletes;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Keeps the local copy of athletes' settings current. */
@Component
class ProfileEventsListener {

  private final Athletes athletes;

  ProfileEventsListener(Athletes athletes) {
    this.athletes = athletes;
  }

  @EventHandler
  void on(ProfileUpdated event) {
    athletes.apply(event);
  }
}
