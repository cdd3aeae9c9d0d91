package io.stride.auth.oauth;

import io.stride.contracts.auth.DeviceLinked;
import io.stride.platform.events.EventPublisher;
import java.time.Clock;
import java.util.UUID;
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
  private final Clock clock;

  DeviceLinks(EventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** In the transaction that links them; {@code principalName} is the account id. */
  @Transactional(propagation = Propagation.MANDATORY)
  void linked(String principalName, RegisteredClient client) {
    events.publish(
        new DeviceLinked(
            UUID.fromString(principalName),
            client.getClientId(),
            client.getClientName(),
            clock.instant()));
  }
}
