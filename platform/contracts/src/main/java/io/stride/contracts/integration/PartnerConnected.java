package io.stride.contracts.integration;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An athlete connected a partner's app (auth-service's {@code DeviceLinked} for the client a
 * partner holds): the partner may now act for them within {@code scopes} and receives the webhooks
 * its endpoints subscribe to. notification-service tells the athlete what the partner receives.
 *
 * @param scopes what the athlete granted the partner's client
 * @param eventTypes the webhook event types the partner's enabled endpoints subscribe to now
 */
@EventType(name = "PartnerConnected", version = 1)
public record PartnerConnected(
    UUID userId,
    UUID partnerId,
    String partnerName,
    String clientId,
    List<String> scopes,
    List<String> eventTypes,
    Instant connectedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
