package io.stride.social.clubs;

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

/** Clubs and their members. */
@Tag(name = "Clubs")
@RestController
@Validated
@RequestMapping("/api/v1/social/clubs")
class ClubController {

  private final Clubs clubs;
  private final ClubMembership members;

  ClubController(Clubs clubs, ClubMembership members) {
    this.clubs = clubs;
    this.members = members;
  }

  @Operation(operationId = "createClub", summary = "Create a club; the caller becomes its owner")
  @ApiResponse(responseCode = "201", description = "The club", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "409", description = "A club of that name exists in the region")
  @ResponseStatus(HttpStatus.CREATED)
  @PostMapping
  ResponseEntity<ClubResponse> create(
      CurrentUser user,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Valid @RequestBody ClubRequest request) {
    ClubResponse club = clubs.create(user.id(), request, idempotencyKey);
    return ResponseEntity.created(URI.create("/api/v1/social/clubs/" + club.clubId())).body(club);
  }

  @Operation(
      operationId = "searchClubs",
      summary = "Clubs whose name starts with q (case and accents ignored), optionally in a region")
  @GetMapping
  Page<ClubResponse> search(
      CurrentUser user,
      @RequestParam @jakarta.validation.constraints.Size(max = 100) String q,
      @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 6) String region,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
    return clubs.search(user.id(), q, region, cursor, limit);
  }

  @Operation(operationId = "getClub", summary = "A club, with the caller's place in it")
  @ApiResponse(responseCode = "200", description = "The club", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such club")
  @GetMapping("/{clubId}")
  ClubResponse get(CurrentUser user, @PathVariable UUID clubId) {
    return clubs.find(user.id(), clubId).orElseThrow(() -> Clubs.notFound(clubId));
  }

  @Operation(operationId = "changeClub", summary = "Change a club (its owners and admins)")
  @ApiResponse(responseCode = "200", description = "The club", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No club the caller manages")
  @ApiResponse(responseCode = "409", description = "A club of that name exists in the region")
  @PatchMapping("/{clubId}")
  ClubResponse change(
      CurrentUser user, @PathVariable UUID clubId, @Valid @RequestBody ClubRequest change) {
    return clubs.change(user.id(), clubId, change);
  }

  @Operation(
      operationId = "joinClub",
      summary = "Join a public club, or ask to join a private one (asking again changes nothing)")
  @ApiResponse(responseCode = "200", description = "The club", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No such club")
  @PutMapping("/{clubId}/members/me")
  ClubResponse join(CurrentUser user, @PathVariable UUID clubId) {
    return members.join(user.id(), clubId);
  }

  @Operation(operationId = "leaveClub", summary = "Leave a club, or take back a request to join")
  @ApiResponse(responseCode = "409", description = "The caller is its last owner")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{clubId}/members/me")
  void leave(CurrentUser user, @PathVariable UUID clubId) {
    members.leave(user.id(), clubId);
  }

  @Operation(operationId = "listClubMembers", summary = "A club's members, newest first")
  @ApiResponse(responseCode = "200", description = "A page of members", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "No such club, or a private one the caller is not a member of")
  @GetMapping("/{clubId}/members")
  Page<ClubMember> list(
      CurrentUser user,
      @PathVariable UUID clubId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return members.list(user.id(), clubId, false, cursor, limit);
  }

  @Operation(
      operationId = "listClubRequests",
      summary = "Requests to join a private club (its owners and admins)")
  @ApiResponse(responseCode = "200", description = "A page of requests", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "No club the caller manages")
  @GetMapping("/{clubId}/requests")
  Page<ClubMember> requests(
      CurrentUser user,
      @PathVariable UUID clubId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    return members.list(user.id(), clubId, true, cursor, limit);
  }

  @Operation(operationId = "approveClubRequest", summary = "Let an athlete who asked join")
  @ApiResponse(responseCode = "404", description = "No club the caller manages, or no request")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/{clubId}/members/{athleteId}/approval")
  void approve(CurrentUser user, @PathVariable UUID clubId, @PathVariable UUID athleteId) {
    members.approve(user.id(), clubId, athleteId);
  }

  @Operation(
      operationId = "removeClubMember",
      summary = "Remove a member or decline a request (owners and admins; owners by owners)")
  @ApiResponse(responseCode = "404", description = "No club the caller manages")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @DeleteMapping("/{clubId}/members/{athleteId}")
  void remove(CurrentUser user, @PathVariable UUID clubId, @PathVariable UUID athleteId) {
    members.removeMember(user.id(), clubId, athleteId);
  }

  @Operation(
      operationId = "setClubRole",
      summary = "Give a member a role (owners): OWNER hands over, ADMIN manages members")
  @ApiResponse(responseCode = "404", description = "No club the caller owns, or no such member")
  @ApiResponse(responseCode = "409", description = "The club would have no owner")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @PutMapping("/{clubId}/members/{athleteId}/role")
  void setRole(
      CurrentUser user,
      @PathVariable UUID clubId,
      @PathVariable UUID athleteId,
      @Valid @RequestBody RoleChange change) {
    members.setRole(user.id(), clubId, athleteId, change.role());
  }
}
