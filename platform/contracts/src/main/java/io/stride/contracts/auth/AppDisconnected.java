package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The account's owner disconnected an app or a device they had connected ({@code DeviceLinked}):
 * its consent, authorizations and refresh tokens are gone, so it gets no new access token.
 * integration-service stops the partner's deliveries for the owner and tells the partner ({@code
 * athlete.deauthorized}; its {@code PartnerDisconnected} is what notification-service tells the
 * owner of); the gateway refuses the app's access tokens issued before.
 *
 * @param clientId the OAuth client disconnected
 * @param clientName its registered name, as the owner saw it in the list of connected apps
 */
@EventType(name = "AppDisconnected", version = 1)
public record AppDisconnected(
    UUID userId, String clientId, String clientName, Instant disconnectedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
