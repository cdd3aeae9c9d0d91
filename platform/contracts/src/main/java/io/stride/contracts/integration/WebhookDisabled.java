package io.stride.contracts.integration;

import io.stride.contracts.EventType;
import io.stride.contracts.StrideEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A partner's webhook endpoint answered nothing but failures for three days and was disabled: no
 * more deliveries are attempted until an administrator enables it again (its queued deliveries
 * stay, and go out then). notification-service emails the partner's contact. Carries no URL path or
 * query (which may hold the partner's own tokens): the endpoint's host only.
 *
 * @param host the host of the endpoint's URL
 * @param failingSince the first failed attempt of the unbroken run of failures
 * @param contactEmail the partner's contact address (since version 2; null in version 1 events)
 */
@EventType(name = "WebhookDisabled", version = 2)
public record WebhookDisabled(
    UUID endpointId,
    UUID partnerId,
    String partnerName,
    String host,
    Instant failingSince,
    Instant disabledAt,
    String contactEmail)
    implements StrideEvent {

  /** Never written in the log: the contact address stays out of it. */
  @Override
  public String toString() {
    return "WebhookDisabled[endpointId=" + endpointId + ", partnerId=" + partnerId + "]";
  }

  @Override
  public String subject() {
    return endpointId.toString();
  }
}
