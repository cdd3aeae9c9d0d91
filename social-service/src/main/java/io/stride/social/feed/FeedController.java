package io.stride.social.feed;

import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Feed")
@RestController
@Validated
@RequestMapping("/api/v1/social")
class FeedController {

  private final Feed feed;

  FeedController(Feed feed) {
    this.feed = feed;
  }

  @Operation(
      operationId = "getHomeFeed",
      summary =
          "The caller's workouts and those of the athletes they follow, newest first, as each"
              + " workout's visibility allows; muted athletes left out")
  @GetMapping("/feed")
  Page<FeedItem> home(
      CurrentUser user,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return feed.home(user.id(), cursor, limit);
  }

  @Operation(
      operationId = "getClubFeed",
      summary = "A club's feed: its members' workouts that the caller may see, newest first")
  @ApiResponse(responseCode = "200", description = "A page of workouts", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "No such club, or a private one the caller is not a member of")
  @GetMapping("/clubs/{clubId}/feed")
  Page<FeedItem> club(
      CurrentUser user,
      @PathVariable UUID clubId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return feed.club(user.id(), clubId, cursor, limit);
  }
}
