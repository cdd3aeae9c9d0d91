package io.stride.integration.pushes;

import io.stride.integration.webhooks.RotationRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A partner's push secret (role ADMIN): issued, then rotated. */
@Tag(name = "Partner pushes")
@RestController
class PushSecretController {

  private final PushSecretAdmin admin;

  PushSecretController(PushSecretAdmin admin) {
    this.admin = admin;
  }

  @Operation(
      operationId = "issuePushSecret",
      summary =
          "A new push secret for the partner, shown once; after a rotation the previous one"
              + " verifies too until it expires (default 7 days)")
  @ApiResponse(responseCode = "201", description = "Issued", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such partner")
  @ApiResponse(
      responseCode = "409",
      description = "The previous rotation's secret still verifies (rotate with 0 to end it)")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/api/v1/integration/partners/{partnerId}/push-secret")
  PushSecretView issue(
      @PathVariable UUID partnerId, @Valid @RequestBody(required = false) RotationRequest request) {
    return admin.issue(partnerId, request);
  }
}
