package io.stride.workout.gear;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's shoes, bikes and other equipment; only the owner sees them. */
@Tag(name = "Gear")
@RestController
@Validated
@RequestMapping("/api/v1/gear")
class GearController {

  private final GearService gear;

  GearController(GearService gear) {
    this.gear = gear;
  }

  @Operation(operationId = "createGear", summary = "Add a pair of shoes, a bike or other gear")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<GearResponse> create(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody CreateGearRequest request) {
    GearResponse created = gear.create(user.id(), request, idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/gear/" + created.id())).body(created);
  }

  @Operation(
      operationId = "listGear",
      summary = "The caller's gear in the order they added it, with distance and time on each")
  @GetMapping
  Page<GearResponse> list(
      CurrentUser user,
      @Parameter(description = "true: only retired gear; false: only gear in use; absent: all")
          @RequestParam(required = false)
          Boolean retired,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit) {
    return gear.list(user.id(), retired, cursor, limit);
  }

  @Operation(operationId = "getGear", summary = "One piece of gear with its totals")
  @GetMapping("/{id}")
  GearResponse get(CurrentUser user, @PathVariable UUID id) {
    return gear.get(user.id(), id);
  }

  @Operation(
      operationId = "updateGear",
      summary =
          "Rename, retire or bring back, set the sports it is the default for or the reminder")
  @PatchMapping("/{id}")
  GearResponse update(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody UpdateGearRequest change) {
    return gear.update(user.id(), id, change);
  }

  @Operation(operationId = "deleteGear", summary = "Delete gear; its workouts stay, without it")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
    gear.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}
