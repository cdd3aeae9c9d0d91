package io.stride.integration.delivery;

import io.stride.integration.config.IntegrationApiDocs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The delivery log as the admin API shows it (never a body the partner answered). */
final class DeliveryViews {

  private DeliveryViews() {}

  /**
   * One message to one endpoint.
   *
   * @param webhookId the {@code webhook-id} header: the same on every attempt and replay
   */
  record DeliveryView(
      UUID id,
      String webhookId,
      @Schema(ref = IntegrationApiDocs.WEBHOOK_EVENT_TYPE) String eventType,
      @Schema(ref = IntegrationApiDocs.DELIVERY_STATUS) String status,
      int attempts,
      Instant createdAt,
      Instant nextAttemptAt,
      @Nullable Instant lastAttemptAt,
      @Nullable Instant deliveredAt) {}

  /**
   * One attempt.
   *
   * @param outcome success, http_error, redirect, timeout, connect_error, refused_address,
   *     invalid_url, tls_error or io_error
   */
  record AttemptView(
      long id,
      Instant attemptedAt,
      String outcome,
      @Nullable Integer statusCode,
      long durationMillis,
      @Nullable String error) {}

  /** Everything an endpoint was sent since {@code since} goes out again (same ids). */
  record ReplayRequest(@Schema(example = "2026-12-07T00:00:00Z") @NotNull Instant since) {}

  /** How many deliveries a replay queued again. */
  record ReplayView(int requeued) {}
}
