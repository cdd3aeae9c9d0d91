package io.stride.promo.listeners;

import io.stride.contracts.auth.UserDeleted;
import io.stride.contracts.auth.UserRegistered;
import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import io.stride.promo.athletes.AthleteCopies;
import io.stride.promo.erasure.PromoErasure;
import org.springframework.stereotype.Component;

/** Accounts and profiles: registration (account age), region; a deleted account is erased. */
@Component
class AthleteEventsListener {

  private final AthleteCopies athletes;
  private final PlatformErasure erased;
  private final PromoErasure erasure;

  AthleteEventsListener(AthleteCopies athletes, PlatformErasure erased, PromoErasure erasure) {
    this.athletes = athletes;
    this.erased = erased;
    this.erasure = erasure;
  }

  @EventHandler
  void on(UserRegistered event) {
    if (!erased.isErased(event.userId())) {
      athletes.registered(event.userId(), event.registeredAt());
    }
  }

  @EventHandler
  void on(ProfileUpdated event) {
    if (!erased.isErased(event.userId())) {
      athletes.region(event.userId(), event.region(), event.version());
    }
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
