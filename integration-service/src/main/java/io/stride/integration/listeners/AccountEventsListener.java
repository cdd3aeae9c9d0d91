package io.stride.integration.listeners;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.contracts.auth.UserDeleted;
import io.stride.integration.connections.Connections;
import io.stride.integration.erasure.IntegrationErasure;
import io.stride.platform.erasure.PlatformErasure;
import io.stride.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** Accounts: an app connected (DeviceLinked), an account deleted (erased). */
@Component
class AccountEventsListener {

  private final Connections connections;
  private final PlatformErasure erased;
  private final IntegrationErasure erasure;

  AccountEventsListener(
      Connections connections, PlatformErasure erased, IntegrationErasure erasure) {
    this.connections = connections;
    this.erased = erased;
    this.erasure = erasure;
  }

  @EventHandler
  void on(DeviceLinked event) {
    if (!erased.isErased(event.userId())) {
      connections.connected(event.userId(), event.clientId(), event.linkedAt());
    }
  }

  @EventHandler
  void on(UserDeleted event) {
    erasure.erase(event.userId());
  }
}
