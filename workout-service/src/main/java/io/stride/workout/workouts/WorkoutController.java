package io.stride.workout.workouts;

import io.stride.platform.paging.Page;
import io.stride.platform.security.Caller;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.InvalidRequestException;
import io.stride.workout.config.WorkoutApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Workouts")
@RestController
@RequestMapping("/api/v1/workouts")
class WorkoutController {

  private final WorkoutService workouts;

  WorkoutController(WorkoutService workouts) {
    this.workouts = workouts;
  }

  @Operation(operationId = "createWorkout", summary = "Record a workout by hand")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<WorkoutResponse> create(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody CreateWorkoutRequest request) {
    WorkoutResponse created = workouts.create(user.id(), request, idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/workouts/" + created.id())).body(created);
  }

  /**
   * Workouts newest first, filtered by sport and by start time in [from, to): the caller's own, or
   * with {@code athleteId} another athlete's as far as their visibility allows.
   */
  @Operation(operationId = "listWorkouts", summary = "Workouts newest first, a page at a time")
  @GetMapping
  Page<WorkoutListItem> list(
      Caller caller,
      @RequestParam(required = false) UUID athleteId,
      @RequestParam(required = false) @Parameter(schema = @Schema(ref = WorkoutApiDocs.SPORT))
          String sport,
      @RequestParam(required = false) Instant from,
      @RequestParam(required = false) Instant to,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    UUID athlete = athleteId != null ? athleteId : caller.userId();
    if (athlete == null) {
      throw InvalidRequestException.of(
          "athleteId", "a partner app lists one athlete's public workouts: give athleteId");
    }
    return workouts.list(caller, athlete, sport, from, to, PageEnd.decode(cursor), limit);
  }

  @Operation(operationId = "getWorkout", summary = "One workout with its metrics")
  @GetMapping("/{id}")
  WorkoutResponse get(Caller caller, @PathVariable UUID id) {
    return workouts.get(caller, id);
  }

  @Operation(operationId = "updateWorkout", summary = "Change title, notes, sport or visibility")
  @PatchMapping("/{id}")
  WorkoutResponse update(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody UpdateWorkoutRequest change) {
    return workouts.update(user.id(), id, change);
  }

  @Operation(
      operationId = "setWorkoutGear",
      summary = "Say which of your gear a workout was done with")
  @PutMapping("/{id}/gear")
  WorkoutResponse useGear(
      CurrentUser user, @PathVariable UUID id, @Valid @RequestBody WorkoutGearRequest request) {
    return workouts.useGear(user.id(), id, request.gearId());
  }

  @Operation(operationId = "removeWorkoutGear", summary = "The workout was done with no gear")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{id}/gear")
  ResponseEntity<Void> removeGear(CurrentUser user, @PathVariable UUID id) {
    workouts.removeGear(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "deleteWorkout", summary = "Delete a workout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
    workouts.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}
