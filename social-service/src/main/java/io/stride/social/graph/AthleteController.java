package io.stride.social.graph;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding athletes, and an athlete's followers and following as far as the caller may see. */
@Tag(name = "Athletes")
@RestController
@Validated
@RequestMapping("/api/v1/social/athletes")
class AthleteController {

  private final AthleteDirectory directory;

  AthleteController(AthleteDirectory directory) {
    this.directory = directory;
  }

  @Operation(
      operationId = "searchAthletes",
      summary =
          "Athletes with a word of their name starting with each word of q (case and accents"
              + " ignored)")
  @GetMapping
  Page<SearchResult> search(
      CurrentUser user,
      @RequestParam @Size(max = 80) @Parameter(description = "At least 2 letters of the name")
          String q,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
    return directory.search(user.id(), q, cursor, limit);
  }

  @Operation(
      operationId = "getAthlete",
      summary = "An athlete's card, follower counts and where the caller stands with them")
  @ApiResponse(responseCode = "200", description = "The athlete", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "No such athlete, or one in a block with the caller")
  @GetMapping("/{athleteId}")
  AthleteView get(CurrentUser user, @PathVariable UUID athleteId) {
    return directory.view(user.id(), athleteId);
  }

  @Operation(operationId = "listFollowers", summary = "Who follows the athlete, newest first")
  @ApiResponse(responseCode = "200", description = "A page of athletes", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description =
          "No such athlete, one in a block with the caller, or a private account the caller does"
              + " not follow")
  @GetMapping("/{athleteId}/followers")
  Page<Person> followers(
      CurrentUser user,
      @PathVariable UUID athleteId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return directory.connections(user.id(), athleteId, PeopleLists.Kind.FOLLOWERS, cursor, limit);
  }

  @Operation(operationId = "listFollowing", summary = "Whom the athlete follows, newest first")
  @ApiResponse(responseCode = "200", description = "A page of athletes", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description =
          "No such athlete, one in a block with the caller, or a private account the caller does"
              + " not follow")
  @GetMapping("/{athleteId}/following")
  Page<Person> following(
      CurrentUser user,
      @PathVariable UUID athleteId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return directory.connections(user.id(), athleteId, PeopleLists.Kind.FOLLOWING, cursor, limit);
  }
}
