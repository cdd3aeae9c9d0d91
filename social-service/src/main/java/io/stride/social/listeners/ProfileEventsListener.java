package io.stride.social.listeners;

import io.stride.contracts.profile.ProfileUpdated;
import io.stride.platform.events.EventHandler;
import io.stride.social.athletes.Athletes;
import io.stride.social.graph.Graph;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the athlete copy current; an account turned public lets in everyone who asked. */
@Component
class ProfileEventsListener {

  private final Athletes athletes;
  private final Graph graph;

  ProfileEventsListener(Athletes athletes, Graph graph) {
    this.athletes = athletes;
    this.graph = graph;
  }

  @EventHandler
  @Transactional
  void on(ProfileUpdated event) {
    if (athletes.apply(event)) {
      graph.approvePendingRequestsOf(event.userId());
    }
  }
}
