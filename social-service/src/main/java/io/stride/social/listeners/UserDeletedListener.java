package io.stride.social.listeners;

import io.stride.contracts.auth.UserDeleted;
import io.stride.platform.events.EventHandler;
import io.stride.social.erasure.SocialErasure;
import org.springframework.stereotype.Component;

@Component
class UserDeletedListener {

  private final SocialErasure erasure;

  UserDeletedListener(SocialErasure erasure) {
    this.erasure = erasure;
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
