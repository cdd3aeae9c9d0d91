package io.stride.gamification.listeners;

import io.stride.contracts.promo.RewardGranted;
import io.stride.gamification.grants.GrantedBadges;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Promotions: a badge a campaign grants is held and told like an earned one. */
@Component
class PromoEventsListener {

  private final GrantedBadges badges;

  PromoEventsListener(GrantedBadges badges) {
    this.badges = badges;
  }

  @EventHandler
  void on(RewardGranted event) {
    badges.apply(event);
  }
}
