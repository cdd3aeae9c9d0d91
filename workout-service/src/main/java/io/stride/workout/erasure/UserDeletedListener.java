package io.stride.workout.erasure;

import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Erases a deleted account's data from workout-service (docs/adr/0012-account-erasure.md). */
@Component
class UserDeletedListener {

  private final UserErasure erasure;

  UserDeletedListener(UserErasure erasure) {
    this.erasure = erasure;
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
