package io.stride.contracts.integration;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's webhook endpoint answered nothing but failures for three days and was disabled: no
 * more deliveries are attempted until an administrator enables it again (its queued deliveries
 * stay, and go out then). notification-service tells the partner's contact. Carries no contact
 * address and no URL path or query (which may hold the partner's own tokens): the endpoint's host
 * only.
 *
 * @param host the host of the endpoint's URL
 * @param failingSince the first failed attempt of the unbroken run of failures
 */
@EventType(name = "WebhookDisabled", version = 1)
public record WebhookDisabled(
    UUID endpointId,
    UUID partnerId,
    String partnerName,
    String host,
    Instant failingSince,
    Instant disabledAt)
    implements StrideEvent {

  @Override
  public String subject() {
    return endpointId.toString();
  }
}
