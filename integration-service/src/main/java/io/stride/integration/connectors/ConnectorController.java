package io.stride.integration.connectors;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The athlete's links to other platforms their activities are imported from (ADR 0042). */
@Tag(name = "Import connectors")
@RestController
@Validated
@RequestMapping("/api/v1/import-connectors")
class ConnectorController {

  private final ConnectorLinks links;

  ConnectorController(ConnectorLinks links) {
    this.links = links;
  }

  @Operation(
      operationId = "listImportConnectors",
      summary = "The platforms this server imports from, and your link to each")
  @GetMapping
  List<ConnectorView> list(CurrentUser user) {
    return links.sources(user.id());
  }

  @Operation(operationId = "getImportConnector", summary = "Your link to one platform")
  @ApiResponse(responseCode = "200", description = "The link", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "This server does not import from it")
  @GetMapping("/{source}")
  ConnectorView get(CurrentUser user, @PathVariable @Parameter(example = "strava") String source) {
    return links.source(user.id(), source);
  }

  @Operation(
      operationId = "authorizeImportAccount",
      summary = "Start linking: where to send you to let Stride read your activities there",
      description =
          "The platform sends you back to redirectUri with code, state and scope; post them to"
              + " linkImportAccount within 10 minutes. The state works once, for you only.")
  @ApiResponse(responseCode = "201", description = "The consent page", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "This server does not import from it")
  @ApiResponse(responseCode = "422", description = "Not one of the server's redirect URIs")
  @PostMapping("/{source}/authorizations")
  ResponseEntity<AuthorizationView> authorize(
      CurrentUser user,
      @PathVariable @Parameter(example = "strava") String source,
      @Valid @RequestBody(required = false) AuthorizationRequest request) {
    AuthorizationView view =
        links.authorize(user.id(), source, request == null ? null : request.redirectUri());
    return ResponseEntity.status(201).body(view);
  }

  @Operation(
      operationId = "linkImportAccount",
      summary = "Finish linking with what the platform sent you back with; imports start at once",
      description =
          "Activities started after importSince (default: the last 90 days) are imported, then"
              + " new ones every hour. Linking again (after a reauthorize status) keeps what was"
              + " imported.")
  @ApiResponse(responseCode = "201", description = "Linked", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "This server does not import from it")
  @ApiResponse(
      responseCode = "409",
      description = "That account on the platform is linked to another Stride account")
  @ApiResponse(
      responseCode = "422",
      description = "An unknown or used state, a code the platform refused, or no activity scope")
  @ApiResponse(responseCode = "503", description = "The platform could not be reached")
  @PostMapping("/{source}/link")
  ResponseEntity<ConnectorView> link(
      CurrentUser user,
      @PathVariable @Parameter(example = "strava") String source,
      @Valid @RequestBody LinkRequest request) {
    ConnectorView view = links.link(user.id(), source, request);
    return ResponseEntity.created(URI.create("/api/v1/import-connectors/" + source)).body(view);
  }

  @Operation(
      operationId = "syncImportAccount",
      summary = "Import new activities now instead of at the next hourly pull")
  @ApiResponse(responseCode = "202", description = "Due now")
  @ApiResponse(responseCode = "404", description = "Not linked, or the link needs a new consent")
  @PostMapping("/{source}/syncs")
  ResponseEntity<Void> sync(
      CurrentUser user, @PathVariable @Parameter(example = "strava") String source) {
    links.syncNow(user.id(), source);
    return ResponseEntity.accepted().build();
  }

  @Operation(
      operationId = "listImportedActivities",
      summary = "Activities imported from the platform, newest first, and what became of each")
  @ApiResponse(responseCode = "200", description = "The activities", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "This server does not import from it")
  @GetMapping("/{source}/activities")
  List<ImportedActivityView> activities(
      CurrentUser user,
      @PathVariable @Parameter(example = "strava") String source,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) @Schema(example = "50") int limit) {
    return links.activities(user.id(), source, limit);
  }

  @Operation(
      operationId = "unlinkImportAccount",
      summary =
          "Unlink: nothing more is imported, Stride's tokens are deleted and the platform told",
      description = "Workouts imported stay yours.")
  @ApiResponse(responseCode = "204", description = "Unlinked")
  @ApiResponse(responseCode = "404", description = "Not linked")
  @DeleteMapping("/{source}/link")
  ResponseEntity<Void> unlink(
      CurrentUser user, @PathVariable @Parameter(example = "strava") String source) {
    links.unlink(user.id(), source);
    return ResponseEntity.noContent().build();
  }
}
