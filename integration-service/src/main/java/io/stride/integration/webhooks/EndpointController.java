package io.stride.integration.webhooks;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner's webhook endpoints (role ADMIN): register, list, read, change, rotate secrets. */
@Tag(name = "Webhook endpoints")
@RestController
@Validated
@RequestMapping("/api/v1/integration/partners/{partnerId}/webhook-endpoints")
class EndpointController {

  private final EndpointAdmin admin;

  EndpointController(EndpointAdmin admin) {
    this.admin = admin;
  }

  @Operation(
      operationId = "createWebhookEndpoint",
      summary = "Register a webhook endpoint; the answer holds its signing secret, shown once")
  @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such partner")
  @PostMapping
  ResponseEntity<NewSecretView> create(
      CurrentUser user,
      @PathVariable UUID partnerId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody EndpointRequest request) {
    NewSecretView created = admin.create(user.id(), partnerId, request, idempotencyKey);
    return ResponseEntity.created(
            URI.create(
                "/api/v1/integration/partners/"
                    + partnerId
                    + "/webhook-endpoints/"
                    + created.endpoint().id()))
        .body(created);
  }

  @Operation(operationId = "listWebhookEndpoints", summary = "A partner's endpoints, newest first")
  @ApiResponse(responseCode = "200", description = "The endpoints", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such partner")
  @GetMapping
  Page<EndpointView> list(
      @PathVariable UUID partnerId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return admin.list(partnerId, cursor, limit);
  }

  @Operation(operationId = "getWebhookEndpoint", summary = "A webhook endpoint")
  @ApiResponse(responseCode = "200", description = "The endpoint", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such endpoint of this partner")
  @GetMapping("/{endpointId}")
  EndpointView get(@PathVariable UUID partnerId, @PathVariable UUID endpointId) {
    return admin.require(partnerId, endpointId);
  }

  @Operation(
      operationId = "replaceWebhookEndpoint",
      summary = "Change an endpoint's URL, event types or switch (on again resumes its queue)")
  @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such endpoint of this partner")
  @PutMapping("/{endpointId}")
  EndpointView replace(
      @PathVariable UUID partnerId,
      @PathVariable UUID endpointId,
      @Valid @RequestBody EndpointRequest request) {
    return admin.replace(partnerId, endpointId, request);
  }

  @Operation(
      operationId = "rotateWebhookSecret",
      summary =
          "A new signing secret, shown once; the previous one signs too until it expires"
              + " (default 7 days)")
  @ApiResponse(responseCode = "404", description = "No such endpoint of this partner")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/{endpointId}/secret-rotations")
  NewSecretView rotate(
      @PathVariable UUID partnerId,
      @PathVariable UUID endpointId,
      @Valid @RequestBody(required = false) RotationRequest request) {
    return admin.rotate(partnerId, endpointId, request);
  }
}
