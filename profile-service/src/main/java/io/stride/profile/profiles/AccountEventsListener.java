package io.stride.profile.profiles;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.auth.UserRegistered;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Creates a profile for every registered account, once, and erases it with the account. */
@Component
class AccountEventsListener {

  private final ProfileService profiles;

  AccountEventsListener(ProfileService profiles) {
    this.profiles = profiles;
  }

  @EventHandler
  void on(UserRegistered event) {
    profiles.createFor(event);
  }

  @EventHandler
  void on(UserDeleted event) {
    profiles.erase(event.userId());
  }
}
