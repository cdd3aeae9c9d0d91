package io.stride.promo.campaigns;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.promo.campaigns.CampaignAudit.CampaignAuditEntry;
import io.stride.promo.campaigns.CampaignViews.AdminCampaign;
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

/** The admins' campaign API (role ADMIN): create, change while draft, run, audit. */
@Tag(name = "Promotion admin")
@RestController
@Validated
@RequestMapping("/api/v1/promo/admin/campaigns")
class CampaignAdminController {

  private final CampaignAdmin admin;

  CampaignAdminController(CampaignAdmin admin) {
    this.admin = admin;
  }

  @Operation(operationId = "createCampaign", summary = "Create a campaign (a draft)")
  @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<AdminCampaign> create(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody CampaignRequest request) {
    AdminCampaign created = admin.create(user.id(), request, idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/promo/admin/campaigns/" + created.id()))
        .body(created);
  }

  @Operation(operationId = "listCampaigns", summary = "All campaigns, newest first")
  @GetMapping
  Page<AdminCampaign> list(
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return admin.list(cursor, limit);
  }

  @Operation(operationId = "getCampaign", summary = "A campaign with its budget as it stands")
  @ApiResponse(responseCode = "200", description = "The campaign", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @GetMapping("/{campaignId}")
  AdminCampaign get(@PathVariable UUID campaignId) {
    return admin.get(campaignId);
  }

  @Operation(operationId = "replaceCampaign", summary = "Replace a draft campaign")
  @ApiResponse(responseCode = "200", description = "Replaced", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "The campaign is no longer a draft")
  @PutMapping("/{campaignId}")
  AdminCampaign replace(
      CurrentUser user,
      @PathVariable UUID campaignId,
      @Valid @RequestBody CampaignRequest request) {
    return admin.replace(user.id(), campaignId, request);
  }

  @Operation(
      operationId = "publishCampaign",
      summary = "Publish a draft: scheduled until its window starts, then live")
  @ApiResponse(responseCode = "200", description = "Published", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "Not a draft")
  @PostMapping("/{campaignId}/publish")
  AdminCampaign publish(CurrentUser user, @PathVariable UUID campaignId) {
    return admin.transition(user.id(), campaignId, "publish");
  }

  @Operation(operationId = "pauseCampaign", summary = "Pause a scheduled or live campaign")
  @ApiResponse(responseCode = "200", description = "Paused", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "Not scheduled or live")
  @PostMapping("/{campaignId}/pause")
  AdminCampaign pause(CurrentUser user, @PathVariable UUID campaignId) {
    return admin.transition(user.id(), campaignId, "pause");
  }

  @Operation(operationId = "resumeCampaign", summary = "Resume a paused campaign")
  @ApiResponse(responseCode = "200", description = "Resumed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "Not paused")
  @PostMapping("/{campaignId}/resume")
  AdminCampaign resume(CurrentUser user, @PathVariable UUID campaignId) {
    return admin.transition(user.id(), campaignId, "resume");
  }

  @Operation(operationId = "endCampaign", summary = "End a campaign for good")
  @ApiResponse(responseCode = "200", description = "Ended", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @ApiResponse(responseCode = "409", description = "Already ended")
  @PostMapping("/{campaignId}/end")
  AdminCampaign end(CurrentUser user, @PathVariable UUID campaignId) {
    return admin.transition(user.id(), campaignId, "end");
  }

  @Operation(operationId = "listCampaignAudit", summary = "Who changed the campaign, newest first")
  @ApiResponse(responseCode = "200", description = "The audit trail", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such campaign")
  @GetMapping("/{campaignId}/audit")
  Page<CampaignAuditEntry> audit(
      @PathVariable UUID campaignId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return admin.audit(campaignId, cursor, limit);
  }
}
