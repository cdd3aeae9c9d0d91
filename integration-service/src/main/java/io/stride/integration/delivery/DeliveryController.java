package io.stride.integration.delivery;

import io.stride.integration.config.IntegrationApiDocs;
import io.stride.integration.delivery.DeliveryViews.AttemptView;
import io.stride.integration.delivery.DeliveryViews.DeliveryView;
import io.stride.integration.delivery.DeliveryViews.ReplayRequest;
import io.stride.integration.delivery.DeliveryViews.ReplayView;
import io.stride.platform.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint's delivery log and replay (role ADMIN). */
@Tag(name = "Webhook deliveries")
@RestController
@Validated
@RequestMapping("/api/v1/integration/partners/{partnerId}/webhook-endpoints/{endpointId}")
class DeliveryController {

  private final DeliveryLog log;

  DeliveryController(DeliveryLog log) {
    this.log = log;
  }

  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "An endpoint's deliveries, newest first")
  @ApiResponse(responseCode = "200", description = "The deliveries", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such endpoint of this partner")
  @GetMapping("/deliveries")
  Page<DeliveryView> deliveries(
      @PathVariable UUID partnerId,
      @PathVariable UUID endpointId,
      @RequestParam(required = false)
          @Parameter(schema = @Schema(ref = IntegrationApiDocs.DELIVERY_STATUS))
          String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return log.deliveries(partnerId, endpointId, status, cursor, limit);
  }

  @Operation(operationId = "listDeliveryAttempts", summary = "A delivery's attempts, newest first")
  @ApiResponse(responseCode = "200", description = "The attempts", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such delivery of this endpoint")
  @GetMapping("/deliveries/{deliveryId}/attempts")
  Page<AttemptView> attempts(
      @PathVariable UUID partnerId,
      @PathVariable UUID endpointId,
      @PathVariable UUID deliveryId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return log.attempts(partnerId, endpointId, deliveryId, cursor, limit);
  }

  @Operation(
      operationId = "replayWebhookDeliveries",
      summary = "Send everything made for the endpoint since a time again (same webhook ids)")
  @ApiResponse(responseCode = "404", description = "No such endpoint of this partner")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @PostMapping("/replays")
  ReplayView replay(
      @PathVariable UUID partnerId,
      @PathVariable UUID endpointId,
      @Valid @RequestBody ReplayRequest request) {
    return log.replay(partnerId, endpointId, request.since());
  }
}
