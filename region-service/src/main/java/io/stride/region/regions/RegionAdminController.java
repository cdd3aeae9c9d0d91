package io.stride.region.regions;

import io.stride.platform.paging.Cursor;
import io.stride.platform.paging.Page;
import io.stride.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' API (scope {@code regions:admin}, ADR 0023): create, change, audit. */
@Tag(name = "Regions")
@Validated
@RestController
@RequestMapping("/api/v1/regions")
class RegionAdminController {

  private final RegionAdmin admin;

  RegionAdminController(RegionAdmin admin) {
    this.admin = admin;
  }

  @Operation(
      operationId = "createRegion",
      summary =
          "Add a country (every setting) or a subdivision (what it overrides); the same request again changes nothing")
  @ApiResponse(
      responseCode = "201",
      description = "The region's effective settings",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "409",
      description = "The code exists with other settings: change it with PATCH")
  @PostMapping
  ResponseEntity<RegionResponse> create(
      Caller caller, @Valid @RequestBody CreateRegionRequest request) {
    RegionDirectory.Entry entry = admin.create(caller, request);
    return ResponseEntity.created(URI.create("/api/v1/regions/" + entry.region().code()))
        .eTag(entry.entityTag())
        .body(entry.region());
  }

  @Operation(
      operationId = "updateRegion",
      summary = "Change a region's name, settings or flags, if it is still as read (If-Match)")
  @ApiResponse(
      responseCode = "200",
      description = "The region's effective settings",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "412",
      description = "It changed since: read it again and redo the change")
  @ApiResponse(responseCode = "428", description = "No If-Match header")
  @PatchMapping("/{code}")
  ResponseEntity<RegionResponse> update(
      Caller caller,
      @PathVariable String code,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody UpdateRegionRequest change) {
    RegionDirectory.Entry entry =
        admin.change(caller, code.toUpperCase(Locale.ROOT), ifMatch, change);
    return ResponseEntity.ok().eTag(entry.entityTag()).body(entry.region());
  }

  @Operation(
      operationId = "listRegionAudit",
      summary = "Who changed a region when, and what it stored before and after; newest first")
  @GetMapping("/{code}/audit")
  Page<AuditEntry> audit(
      @PathVariable String code,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    Long before = Cursor.decode(cursor, key -> key.number());
    List<AuditEntry> fetched = admin.audit(code.toUpperCase(Locale.ROOT), before, limit + 1);
    return Page.of(fetched, limit, entry -> Cursor.of(entry.id()));
  }
}
