package io.stride.gamification.leaderboards;

import io.stride.gamification.athletes.Athletes;
import io.stride.gamification.leaderboards.Standings.Leaderboard;
import io.stride.gamification.social.SocialCopies;
import io.stride.platform.security.CurrentUser;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Weekly distance boards per sport: everyone's, a region's, a club's. */
@Tag(name = "Leaderboards")
@RestController
@Validated
@RequestMapping("/api/v1/gamification/leaderboards")
class LeaderboardController {

  private final Leaderboards leaderboards;
  private final AthleteBoards athleteBoards;
  private final Athletes athletes;
  private final SocialCopies social;
  private final Clock clock;

  LeaderboardController(
      Leaderboards leaderboards,
      AthleteBoards athleteBoards,
      Athletes athletes,
      SocialCopies social,
      Clock clock) {
    this.leaderboards = leaderboards;
    this.athleteBoards = athleteBoards;
    this.athletes = athletes;
    this.social = social;
    this.clock = clock;
  }

  @Operation(
      operationId = "getWeeklyLeaderboard",
      summary =
          "Distance in one sport in an ISO week (Monday to Sunday): the top, the caller's rank"
              + " and the athletes around them; everyone's, or a region's or a club's")
  @ApiResponse(
      responseCode = "200",
      description = "The board as the caller may see it",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "A club the caller is not a member of, or a region with boards switched off")
  @GetMapping("/weekly/{sport}")
  Leaderboard weekly(
      CurrentUser user,
      @PathVariable @Pattern(regexp = "[a-z][a-z_]{0,31}") String sport,
      @Parameter(description = "Any day of the week; this week on the caller's clock if absent")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate week,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?") String region,
      @RequestParam(required = false) UUID club,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "100") @Min(1) @Max(200) int limit,
      @RequestParam(defaultValue = "2") @Min(0) @Max(25) int around) {
    if (region != null && club != null) {
      throw InvalidRequestException.of("club", "cannot be given with region: pick one board");
    }
    LocalDate day =
        week != null ? week : LocalDate.now(clock.withZone(athletes.find(user.id()).zone()));
    String board;
    if (region != null) {
      if (!athleteBoards.boardsOn(region)) {
        throw new NotFoundException("Leaderboards are switched off in region " + region);
      }
      board = BoardNames.weeklyInRegion(sport, day, region);
    } else if (club != null) {
      if (social.roleIn(club, user.id()).isEmpty()) {
        throw new NotFoundException("You are not a member of club " + club);
      }
      board = BoardNames.weeklyInClub(sport, day, club);
    } else {
      board = BoardNames.weekly(sport, day);
    }
    return leaderboards.read(board, "meters", user.id(), cursor, limit, around);
  }
}
