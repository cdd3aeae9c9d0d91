package io.stride.recommendation.people;

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

/** People to follow, and taking one off the list. */
@Tag(name = "People to follow")
@RestController
@Validated
@RequestMapping("/api/v1/recommendations/people")
class PeopleController {

  private final PeopleLists people;
  private final StoredSuggestions lists;
  private final Clock clock;

  PeopleController(PeopleLists people, StoredSuggestions lists, Clock clock) {
    this.people = people;
    this.lists = lists;
    this.clock = clock;
  }

  @Operation(
      operationId = "listPeopleToFollow",
      summary =
          "People the caller may want to follow, best first, each with why (friends in common,"
              + " clubs, nearby at a similar level)")
  @GetMapping
  Page<PersonSuggestion> list(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
    return people.page(user.id(), cursor, limit);
  }

  @Operation(
      operationId = "dismissPersonSuggestion",
      summary = "Never suggest this athlete again (answering again changes nothing)")
  @ApiResponse(responseCode = "404", description = "The athlete was never suggested to the caller")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/{athleteId}/dismissal")
  void dismiss(CurrentUser user, @PathVariable UUID athleteId) {
    lists.dismiss(user.id(), "person", athleteId, clock.instant());
  }

  @Operation(
      operationId = "undoPersonDismissal",
      summary = "Take a dismissal back: the athlete may be suggested again")
  @ApiResponse(responseCode = "404", description = "The caller did not dismiss this athlete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{athleteId}/dismissal")
  void undo(CurrentUser user, @PathVariable UUID athleteId) {
    lists.undismiss(user.id(), "person", athleteId);
  }
}
