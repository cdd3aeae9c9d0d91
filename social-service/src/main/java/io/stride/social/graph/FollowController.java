package io.stride.social.graph;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's follows and the requests to follow them. Every change is a PUT or DELETE of the
 * relation itself, so doing it twice is doing it once.
 */
@Tag(name = "Follows")
@RestController
@Validated
@RequestMapping("/api/v1/social")
class FollowController {

  private final Graph graph;
  private final PeopleLists lists;

  FollowController(Graph graph, PeopleLists lists) {
    this.graph = graph;
    this.lists = lists;
  }

  @Operation(
      operationId = "followAthlete",
      summary = "Follow an athlete: at once for a public account, as a request for a private one")
  @ApiResponse(
      responseCode = "200",
      description = "Following, or asked to",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "No such athlete, or one in a block with the caller")
  @PutMapping("/following/{athleteId}")
  FollowState follow(CurrentUser user, @PathVariable UUID athleteId) {
    return graph.follow(user.id(), athleteId);
  }

  @Operation(
      operationId = "unfollowAthlete",
      summary = "Stop following an athlete, or take back a request to follow them")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/following/{athleteId}")
  void unfollow(CurrentUser user, @PathVariable UUID athleteId) {
    graph.unfollow(user.id(), athleteId);
  }

  @Operation(
      operationId = "listFollowRequests",
      summary = "Requests to follow the caller, newest first")
  @GetMapping("/follow-requests")
  Page<Person> requests(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return lists.page(
        PeopleLists.Kind.REQUESTS_RECEIVED,
        user.id(),
        user.id(),
        PeopleLists.After.decode(cursor),
        limit);
  }

  @Operation(
      operationId = "listSentFollowRequests",
      summary = "The caller's requests to follow private accounts, not yet answered")
  @GetMapping("/follow-requests/sent")
  Page<Person> sentRequests(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return lists.page(
        PeopleLists.Kind.REQUESTS_SENT,
        user.id(),
        user.id(),
        PeopleLists.After.decode(cursor),
        limit);
  }

  @Operation(
      operationId = "approveFollowRequest",
      summary = "Let the athlete who asked follow the caller")
  @ApiResponse(
      responseCode = "404",
      description = "That athlete has not asked to follow the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/follow-requests/{athleteId}/approval")
  void approve(CurrentUser user, @PathVariable UUID athleteId) {
    graph.approve(user.id(), athleteId);
  }

  @Operation(
      operationId = "declineFollowRequest",
      summary = "Decline a request to follow the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/follow-requests/{athleteId}")
  void decline(CurrentUser user, @PathVariable UUID athleteId) {
    graph.decline(user.id(), athleteId);
  }

  @Operation(operationId = "removeFollower", summary = "Remove one of the caller's followers")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/followers/{athleteId}")
  void removeFollower(CurrentUser user, @PathVariable UUID athleteId) {
    graph.removeFollower(user.id(), athleteId);
  }
}
