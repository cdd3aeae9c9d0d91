package io.stride.gamification.challenges;

import io.stride.gamification.challenges.ChallengeCatalog.Viewer;
import io.stride.gamification.challenges.ChallengeRequests.ChallengeChanges;
import io.stride.gamification.challenges.ChallengeRequests.NewChallenge;
import io.stride.gamification.challenges.ChallengeViews.ChallengeView;
import io.stride.gamification.challenges.ChallengeViews.MyChallengeProgress;
import io.stride.gamification.leaderboards.Standings.Leaderboard;
import io.stride.platform.paging.Page;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Challenges: browse, join, leave, progress, their boards; created by admins and club admins. */
@Tag(name = "Challenges")
@RestController
@Validated
@RequestMapping("/api/v1/gamification/challenges")
class ChallengeController {

  private final Challenges challenges;

  ChallengeController(Challenges challenges) {
    this.challenges = challenges;
  }

  @Operation(
      operationId = "listChallenges",
      summary =
          "Challenges open to the caller: not ended yet (soonest ending first) or ended; joined=true"
              + " for the caller's own")
  @GetMapping
  Page<ChallengeView> list(
      CurrentUser user,
      Authentication auth,
      @RequestParam(defaultValue = "current") @Pattern(regexp = "current|ended") String status,
      @RequestParam(defaultValue = "false") boolean joined,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return challenges.list(viewer(user, auth), "ended".equals(status), joined, cursor, limit);
  }

  @Operation(
      operationId = "createChallenge",
      summary =
          "Create a challenge: admins for everyone or a region, a club's owners and admins for"
              + " the club")
  @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "The caller may not create it")
  @PostMapping
  ResponseEntity<ChallengeView> create(
      CurrentUser user, Authentication auth, @Valid @RequestBody NewChallenge request) {
    ChallengeView created = challenges.create(viewer(user, auth), request);
    return ResponseEntity.created(URI.create("/api/v1/gamification/challenges/" + created.id()))
        .body(created);
  }

  @Operation(operationId = "getChallenge", summary = "A challenge, with the caller's progress")
  @ApiResponse(responseCode = "200", description = "The challenge", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @GetMapping("/{challengeId}")
  ChallengeView detail(CurrentUser user, Authentication auth, @PathVariable UUID challengeId) {
    return challenges.detail(viewer(user, auth), challengeId);
  }

  @Operation(
      operationId = "changeChallenge",
      summary = "Change a challenge's title, description or sponsorship (its managers)")
  @ApiResponse(responseCode = "200", description = "Changed", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "The caller may not change it")
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @PatchMapping("/{challengeId}")
  ChallengeView change(
      CurrentUser user,
      Authentication auth,
      @PathVariable UUID challengeId,
      @Valid @RequestBody ChallengeChanges changes) {
    return challenges.change(viewer(user, auth), challengeId, changes);
  }

  @Operation(
      operationId = "deleteChallenge",
      summary = "Delete a challenge with its progress and board (its managers)")
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "403", description = "The caller may not delete it")
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @DeleteMapping("/{challengeId}")
  ResponseEntity<Void> delete(
      CurrentUser user, Authentication auth, @PathVariable UUID challengeId) {
    challenges.delete(viewer(user, auth), challengeId);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      operationId = "joinChallenge",
      summary =
          "Join a challenge (again changes nothing); workouts of its window count, also earlier"
              + " ones")
  @ApiResponse(responseCode = "200", description = "Joined", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @ApiResponse(responseCode = "409", description = "The challenge has ended")
  @PutMapping("/{challengeId}/participants/me")
  MyChallengeProgress join(CurrentUser user, Authentication auth, @PathVariable UUID challengeId) {
    return challenges.join(viewer(user, auth), challengeId);
  }

  @Operation(operationId = "leaveChallenge", summary = "Leave a challenge; leaving twice is fine")
  @ApiResponse(responseCode = "204", description = "Left")
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @DeleteMapping("/{challengeId}/participants/me")
  ResponseEntity<Void> leave(
      CurrentUser user, Authentication auth, @PathVariable UUID challengeId) {
    challenges.leave(viewer(user, auth), challengeId);
    return ResponseEntity.noContent().build();
  }

  @Operation(operationId = "getMyChallengeProgress", summary = "The caller's progress")
  @ApiResponse(responseCode = "200", description = "The progress", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "Not joined, or no such challenge")
  @GetMapping("/{challengeId}/participants/me")
  MyChallengeProgress mine(CurrentUser user, Authentication auth, @PathVariable UUID challengeId) {
    return challenges.mine(viewer(user, auth), challengeId);
  }

  @Operation(
      operationId = "getChallengeLeaderboard",
      summary = "The challenge's board: the top, the caller's rank and the athletes around them")
  @ApiResponse(responseCode = "200", description = "The board", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such challenge open to the caller")
  @GetMapping("/{challengeId}/leaderboard")
  Leaderboard leaderboard(
      CurrentUser user,
      Authentication auth,
      @PathVariable UUID challengeId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "100") @Min(1) @Max(200) int limit,
      @RequestParam(defaultValue = "2") @Min(0) @Max(25) int around) {
    return challenges.leaderboard(viewer(user, auth), challengeId, cursor, limit, around);
  }

  private Viewer viewer(CurrentUser user, Authentication auth) {
    boolean admin =
        auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    return challenges.viewer(user.id(), admin);
  }
}
