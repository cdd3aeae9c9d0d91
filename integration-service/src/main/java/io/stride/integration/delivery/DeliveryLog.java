package io.stride.integration.delivery;

import io.stride.integration.config.IntegrationApiDocs;
import io.stride.integration.delivery.DeliveryViews.AttemptView;
import io.stride.integration.delivery.DeliveryViews.DeliveryView;
import io.stride.integration.delivery.DeliveryViews.ReplayView;
import io.stride.integration.webhooks.EndpointAdmin;
import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An endpoint's deliveries and attempts as operators read them, and replays. */
@Service
class DeliveryLog {

  private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

  private final EndpointAdmin endpoints;
  private final Deliveries deliveries;
  private final Clock clock;

  DeliveryLog(EndpointAdmin endpoints, Deliveries deliveries, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  Page<DeliveryView> deliveries(
      UUID partnerId, UUID endpointId, String status, String cursor, int limit) {
    endpoints.require(partnerId, endpointId);
    if (status != null && !IntegrationApiDocs.DELIVERY_STATUSES.contains(status)) {
      throw InvalidRequestException.of(
          "status", "must be one of " + IntegrationApiDocs.DELIVERY_STATUSES);
    }
    After after = Cursor.decode(cursor, key -> new After(key.instant(), key.uuid()));
    List<DeliveryView> fetched =
        after == null
            ? deliveries.page(endpointId, status, END, new UUID(-1, -1), limit + 1)
            : deliveries.page(endpointId, status, after.createdAt(), after.id(), limit + 1);
    return Page.of(fetched, limit, d -> Cursor.of(d.createdAt(), d.id()));
  }

  Page<AttemptView> attempts(
      UUID partnerId, UUID endpointId, UUID deliveryId, String cursor, int limit) {
    endpoints.require(partnerId, endpointId);
    if (!deliveries.exists(endpointId, deliveryId)) {
      throw new NotFoundException(
          "Endpoint " + endpointId + " has no delivery " + deliveryId + ".");
    }
    Long before = Cursor.decode(cursor, key -> key.number());
    return Page.of(
        deliveries.attempts(deliveryId, before == null ? Long.MAX_VALUE : before, limit + 1),
        limit,
        attempt -> Cursor.of(attempt.id()));
  }

  @Transactional
  ReplayView replay(UUID partnerId, UUID endpointId, Instant since) {
    endpoints.require(partnerId, endpointId);
    return new ReplayView(deliveries.requeue(endpointId, since, clock.instant()));
  }

  private record After(Instant createdAt, UUID id) {}
}
