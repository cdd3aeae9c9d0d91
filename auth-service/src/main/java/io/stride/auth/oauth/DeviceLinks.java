package io.stride.auth.oauth;

import io.stride.auth.accounts.ConnectedApps;
import io.stride.contracts.auth.DeviceLinked;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the account's owner, through notification-service, that a device or an app now holds tokens
 * for the account ({@code DeviceLinked}): when the owner connects a device at {@code /activate}
 * ({@link DeviceApprovalsAnnounced}) and when they approve an app for the first time ({@link
 * FirstConsentsAnnounced}).
 */
@Component
class DeviceLinks {

  private final EventPublisher events;
  private final ConnectedApps connectedApps;
  private final Clock clock;

  DeviceLinks(EventPublisher events, ConnectedApps connectedApps, Clock clock) {
    this.events = events;
    this.connectedApps = connectedApps;
    this.clock = clock;
  }

  /**
   * In the transaction that links them; {@code principalName} is the account id, {@code scopes}
   * what the owner granted. Recorded in the owner's connected apps too.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void linked(String principalName, RegisteredClient client, Set<String> scopes) {
    UUID owner = UUID.fromString(principalName);
    Instant now = clock.instant();
    connectedApps.connected(
        owner,
        client.getClientId(),
        scopes,
        now,
        client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.DEVICE_CODE));
    events.publish(
        new DeviceLinked(
            owner,
            client.getClientId(),
            client.getClientName(),
            now,
            scopes.stream().sorted().toList()));
  }

  /** More scopes approved for an app already connected: its connection widens, unannounced. */
  @Transactional(propagation = Propagation.MANDATORY)
  void widened(String principalName, RegisteredClient client, Set<String> scopes) {
    connectedApps.widened(UUID.fromString(principalName), client.getClientId(), scopes);
  }
}
