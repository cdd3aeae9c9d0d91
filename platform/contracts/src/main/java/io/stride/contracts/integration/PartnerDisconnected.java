package io.stride.contracts.integration;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * An athlete's connection to a partner ended: they disconnected its app (auth-service's {@code
 * AppDisconnected}). The partner's pending deliveries for them were cancelled and {@code
 * athlete.deauthorized} queued to the partner's endpoints that subscribe to it.
 * notification-service tells the athlete.
 */
@EventType(name = "PartnerDisconnected", version = 1)
public record PartnerDisconnected(
    UUID userId, UUID partnerId, String partnerName, String clientId, Instant disconnectedAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return userId.toString();
  }
}
