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

/** Blocks (both hidden from each other everywhere) and mutes (out of my feed, still followed). */
@Tag(name = "Blocks and mutes")
@RestController
@Validated
@RequestMapping("/api/v1/social")
class BlockController {

  private final Graph graph;
  private final PeopleLists lists;

  BlockController(Graph graph, PeopleLists lists) {
    this.graph = graph;
    this.lists = lists;
  }

  @Operation(
      operationId = "blockAthlete",
      summary = "Block an athlete: ends every follow between you, hides each from the other")
  @ApiResponse(responseCode = "404", description = "No such athlete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/blocks/{athleteId}")
  void block(CurrentUser user, @PathVariable UUID athleteId) {
    graph.block(user.id(), athleteId);
  }

  @Operation(operationId = "unblockAthlete", summary = "Lift a block (no follow comes back)")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/blocks/{athleteId}")
  void unblock(CurrentUser user, @PathVariable UUID athleteId) {
    graph.unblock(user.id(), athleteId);
  }

  @Operation(operationId = "listBlocks", summary = "The athletes the caller blocked, newest first")
  @GetMapping("/blocks")
  Page<Person> blocks(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return lists.page(
        PeopleLists.Kind.BLOCKED, user.id(), user.id(), PeopleLists.After.decode(cursor), limit);
  }

  @Operation(
      operationId = "muteAthlete",
      summary = "Keep an athlete's activities out of the caller's feed without unfollowing")
  @ApiResponse(
      responseCode = "404",
      description = "No such athlete, or one in a block with the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/mutes/{athleteId}")
  void mute(CurrentUser user, @PathVariable UUID athleteId) {
    graph.mute(user.id(), athleteId);
  }

  @Operation(operationId = "unmuteAthlete", summary = "Let a muted athlete's activities back in")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/mutes/{athleteId}")
  void unmute(CurrentUser user, @PathVariable UUID athleteId) {
    graph.unmute(user.id(), athleteId);
  }

  @Operation(operationId = "listMutes", summary = "The athletes the caller muted, newest first")
  @GetMapping("/mutes")
  Page<Person> mutes(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return lists.page(
        PeopleLists.Kind.MUTED, user.id(), user.id(), PeopleLists.After.decode(cursor), limit);
  }
}
