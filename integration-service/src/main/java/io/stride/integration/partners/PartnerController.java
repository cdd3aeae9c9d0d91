package io.stride.integration.partners;

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
import org.springframework.web.bind.annotation.RestController;

/** The operators' partner API (role ADMIN): register, list, read, change. */
@Tag(name = "Partners")
@RestController
@Validated
@RequestMapping("/api/v1/integration/partners")
class PartnerController {

  private final PartnerAdmin admin;

  PartnerController(PartnerAdmin admin) {
    this.admin = admin;
  }

  @Operation(operationId = "registerPartner", summary = "Register a partner app")
  @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "409", description = "The client id is another partner's")
  @PostMapping
  ResponseEntity<PartnerView> register(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody PartnerRequest request) {
    PartnerView created = admin.register(user.id(), request, idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/integration/partners/" + created.id()))
        .body(created);
  }

  @Operation(operationId = "listPartners", summary = "All partners, newest first")
  @GetMapping
  Page<PartnerView> list(
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return admin.list(cursor, limit);
  }

  @Operation(operationId = "getPartner", summary = "A partner")
  @ApiResponse(responseCode = "200", description = "The partner", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such partner")
  @GetMapping("/{partnerId}")
  PartnerView get(@PathVariable UUID partnerId) {
    return admin.get(partnerId);
  }

  @Operation(operationId = "replacePartner", summary = "Change a partner")
  @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such partner")
  @ApiResponse(responseCode = "409", description = "The client id is another partner's")
  @PutMapping("/{partnerId}")
  PartnerView replace(@PathVariable UUID partnerId, @Valid @RequestBody PartnerRequest request) {
    return admin.replace(partnerId, request);
  }
}
