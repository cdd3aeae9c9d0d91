package io.stride.recommendation.groups;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.stride.recommendation.lists.StoredSuggestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
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

/** Challenges and clubs to join, and taking one off the list. */
@Tag(name = "Challenges and clubs to join")
@RestController
@Validated
@RequestMapping("/api/v1/recommendations")
class GroupController {

  private final GroupLists groups;
  private final StoredSuggestions lists;
  private final Clock clock;

  GroupController(GroupLists groups, StoredSuggestions lists, Clock clock) {
    this.groups = groups;
    this.lists = lists;
    this.clock = clock;
  }

  @Operation(
      operationId = "listChallengesToJoin",
      summary = "Open challenges the caller may join, best first, each with why")
  @GetMapping("/challenges")
  Page<ChallengeSuggestion> challenges(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
    return groups.challengePage(user.id(), cursor, limit, clock.instant());
  }

  @Operation(
      operationId = "dismissChallengeSuggestion",
      summary = "Never suggest this challenge again (answering again changes nothing)")
  @ApiResponse(
      responseCode = "404",
      description = "The challenge was never suggested to the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/challenges/{challengeId}/dismissal")
  void dismissChallenge(CurrentUser user, @PathVariable UUID challengeId) {
    lists.dismiss(user.id(), "challenge", challengeId, clock.instant());
  }

  @Operation(operationId = "undoChallengeDismissal", summary = "Take a challenge's dismissal back")
  @ApiResponse(responseCode = "404", description = "The caller did not dismiss this challenge")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/challenges/{challengeId}/dismissal")
  void undoChallenge(CurrentUser user, @PathVariable UUID challengeId) {
    lists.undismiss(user.id(), "challenge", challengeId);
  }

  @Operation(
      operationId = "listClubsToJoin",
      summary = "Clubs of the caller's country the caller may join, best first, each with why")
  @GetMapping("/clubs")
  Page<ClubSuggestion> clubs(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
    return groups.clubPage(user.id(), cursor, limit);
  }

  @Operation(
      operationId = "dismissClubSuggestion",
      summary = "Never suggest this club again (answering again changes nothing)")
  @ApiResponse(responseCode = "404", description = "The club was never suggested to the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/clubs/{clubId}/dismissal")
  void dismissClub(CurrentUser user, @PathVariable UUID clubId) {
    lists.dismiss(user.id(), "club", clubId, clock.instant());
  }

  @Operation(operationId = "undoClubDismissal", summary = "Take a club's dismissal back")
  @ApiResponse(responseCode = "404", description = "The caller did not dismiss this club")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/clubs/{clubId}/dismissal")
  void undoClub(CurrentUser user, @PathVariable UUID clubId) {
    lists.undismiss(user.id(), "club", clubId);
  }
}
