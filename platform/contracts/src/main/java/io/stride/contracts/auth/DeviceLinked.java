package io.stride.contracts.auth;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The account's owner approved a device (a tracker, by the device flow) or signed in to an app for
 * the first time: it now holds tokens for the account. notification-service tells the owner (a
 * security notice that cannot be switched off).
 *
 * @param clientId the OAuth client the device or app uses
 * @param clientName its registered name, as the consent page showed it
 * @param scopes the scopes the owner granted it (since version 2; null in version 1 events)
 */
@EventType(name = "DeviceLinked", version = 2)
public record DeviceLinked(
    UUID userId, String clientId, String clientName, Instant linkedAt, List<String> scopes)
    implements StrideEvent {

  /** The event as version 1 carried it: the scopes granted unknown. */
  public DeviceLinked(UUID userId, String clientId, String clientName, Instant linkedAt) {
    this(userId, clientId, clientName, linkedAt, null);
  }

  @Override
  public String subject() {
    return userId.toString();
  }
}
