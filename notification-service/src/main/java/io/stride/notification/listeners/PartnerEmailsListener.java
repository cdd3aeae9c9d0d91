package io.stride.notification.listeners;

import io.stride.contracts.EventEnvelope;
import io.stride.contracts.integration.WebhookDisabled;
import io.stride.notification.delivery.Deliveries;
import io.stride.notification.delivery.PartnerEmail;
import io.stride.platform.events.EventHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * integration-service's news for partners: a disabled webhook endpoint is emailed once per
 * disabling to the partner's contact address the event names (version 2). A version 1 event names
 * none: nothing is sent. The address is never logged.
 */
@Component
class PartnerEmailsListener {

  private static final Logger log = LoggerFactory.getLogger(PartnerEmailsListener.class);

  private final Deliveries deliveries;

  PartnerEmailsListener(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @EventHandler
  void on(EventEnvelope<WebhookDisabled> envelope) {
    WebhookDisabled event = envelope.payload();
    if (event.contactEmail() == null || event.contactEmail().isBlank()) {
      log.info(
          "Webhook endpoint {} of partner {} was disabled; event {} (version {}) names no contact"
              + " address, so nobody is emailed",
          event.endpointId(),
          event.partnerId(),
          envelope.id(),
          envelope.schemaVersion());
      return;
    }
    deliveries.partnerEmail(
        disablingId(event),
        event.partnerId(),
        PartnerEmail.WEBHOOK_DISABLED,
        Map.of(
            "email", event.contactEmail(),
            "partnerName", Objects.toString(event.partnerName(), ""),
            "host", Objects.toString(event.host(), ""),
            "failingSince", Objects.toString(event.failingSince(), ""),
            "disabledAt", Objects.toString(event.disabledAt(), "")));
  }

  /**
   * The email's source: the disabling itself (endpoint and time), not the event's id, so the same
   * disabling told twice (a redelivery, a second publish) is one email; a later one is another.
   */
  private static UUID disablingId(WebhookDisabled event) {
    return UUID.nameUUIDFromBytes(
        ("webhook-disabled:" + event.endpointId() + ":" + event.disabledAt().toEpochMilli())
            .getBytes(StandardCharsets.UTF_8));
  }
}
