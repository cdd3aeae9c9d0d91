package io.stride.workout.privacy;

import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Privacy zones")
@RestController
@RequestMapping("/api/v1/privacy-zones")
class PrivacyZoneController {

  private final PrivacyZones zones;

  PrivacyZoneController(PrivacyZones zones) {
    this.zones = zones;
  }

  @Operation(operationId = "listPrivacyZones", summary = "The own privacy zones")
  @GetMapping
  List<PrivacyZoneResponse> list(CurrentUser user) {
    return zones.list(user.id());
  }

  @Operation(
      operationId = "createPrivacyZone",
      summary = "Hide a place (home, work) from shared maps")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<PrivacyZoneResponse> create(
      CurrentUser user, @Valid @RequestBody PrivacyZoneRequest request) {
    PrivacyZoneResponse created = zones.create(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/privacy-zones/" + created.id()))
        .body(created);
  }

  @Operation(operationId = "updatePrivacyZone", summary = "Move or resize a privacy zone")
  @PutMapping("/{id}")
  PrivacyZoneResponse update(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody PrivacyZoneRequest request) {
    return zones.update(user.id(), id, request);
  }

  @Operation(operationId = "deletePrivacyZone", summary = "Remove a privacy zone")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
    zones.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}
