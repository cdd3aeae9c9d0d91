package io.stride.social.interactions;

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

/**
 * Kudos and comments on a workout. {@code workoutId} of a workout the caller may not see (or one
 * not yet known here, for a moment after it is recorded) is 404.
 */
@Tag(name = "Kudos and comments")
@RestController
@Validated
@RequestMapping("/api/v1/social/workouts/{workoutId}")
class InteractionController {

  private static final String NOT_VISIBLE = "No workout the caller may see";

  private final Kudos kudos;
  private final Comments comments;

  InteractionController(Kudos kudos, Comments comments) {
    this.kudos = kudos;
    this.comments = comments;
  }

  @Operation(operationId = "giveKudos", summary = "Give kudos (once; giving again changes nothing)")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/kudos/mine")
  void give(CurrentUser user, @PathVariable UUID workoutId) {
    kudos.give(user.id(), workoutId);
  }

  @Operation(operationId = "takeBackKudos", summary = "Take back the caller's kudos")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/kudos/mine")
  void takeBack(CurrentUser user, @PathVariable UUID workoutId) {
    kudos.takeBack(user.id(), workoutId);
  }

  @Operation(operationId = "listKudos", summary = "Who gave kudos, newest first")
  @ApiResponse(responseCode = "200", description = "A page of givers", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @GetMapping("/kudos")
  Page<KudosGiver> givers(
      CurrentUser user,
      @PathVariable UUID workoutId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return kudos.givers(user.id(), workoutId, cursor, limit);
  }

  @Operation(
      operationId = "addComment",
      summary = "Comment on a workout (plain text; at most 10 a minute and 100 an hour)")
  @ApiResponse(responseCode = "201", description = "The comment", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping("/comments")
  ResponseEntity<CommentResponse> add(
      CurrentUser user,
      @PathVariable UUID workoutId,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody CommentRequest request) {
    CommentResponse added = comments.add(user.id(), workoutId, request, idempotencyKey);
    return ResponseEntity.created(
            URI.create("/api/v1/social/workouts/" + workoutId + "/comments/" + added.commentId()))
        .body(added);
  }

  @Operation(operationId = "listComments", summary = "A workout's comments, oldest first")
  @ApiResponse(responseCode = "200", description = "A page of comments", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @GetMapping("/comments")
  Page<CommentResponse> list(
      CurrentUser user,
      @PathVariable UUID workoutId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return comments.list(user.id(), workoutId, cursor, limit);
  }

  @Operation(operationId = "editComment", summary = "Change the text of the caller's own comment")
  @ApiResponse(responseCode = "200", description = "The comment", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No comment of the caller's on this workout")
  @PatchMapping("/comments/{commentId}")
  CommentResponse edit(
      CurrentUser user,
      @PathVariable UUID workoutId,
      @PathVariable UUID commentId,
      @Valid @RequestBody CommentRequest request) {
    return comments.edit(user.id(), workoutId, commentId, request);
  }

  @Operation(
      operationId = "deleteComment",
      summary = "Delete a comment: the caller's own, or any on the caller's workout")
  @ApiResponse(responseCode = "404", description = "No comment the caller may delete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/comments/{commentId}")
  void delete(CurrentUser user, @PathVariable UUID workoutId, @PathVariable UUID commentId) {
    comments.delete(user.id(), workoutId, commentId);
  }
}
