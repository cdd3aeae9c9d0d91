package io.stride.integration.listeners;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.auth.AppDisconnected;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.UserDeleted;
import io.stride.integration.connections.PartnerLinks;
import io.stride.integration.erasure.IntegrationErasure;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Accounts: an app connected (DeviceLinked) or disconnected (AppDisconnected), an account deleted
 * (erased).
 */
@Component
class AccountEventsListener {

  private final PartnerLinks links;
  private final PlatformErasure erased;
  private final IntegrationErasure erasure;

  AccountEventsListener(PartnerLinks links, PlatformErasure erased, IntegrationErasure erasure) {
    this.links = links;
    this.erased = erased;
    this.erasure = erasure;
  }

  @EventHandler
  void on(DeviceLinked event) {
    if (!erased.isErased(event.userId())) {
      links.connected(event.userId(), event.clientId(), event.scopes(), event.linkedAt());
    }
  }

  @EventHandler
  void disconnected(EventEnvelope<AppDisconnected> envelope) {
    AppDisconnected event = envelope.payload();
    if (!erased.isErased(event.userId())) {
      links.disconnected(envelope.id(), event.userId(), event.clientId(), event.disconnectedAt());
    }
  }

  @EventHandler
  void deleted(EventEnvelope<UserDeleted> envelope) {
    UserDeleted event = envelope.payload();
    if (!erased.isErased(event.userId())) {
      links.accountDeleted(envelope.id(), event.userId(), event.deletedAt());
    }
    erasure.erase(event.userId(), envelope.id());
  }
}
