package io.stride.profile.profiles;

import io.stride.platform.security.Caller;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles")
@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

  private final ProfileService profiles;

  ProfileController(ProfileService profiles) {
    this.profiles = profiles;
  }

  @Operation(operationId = "getMyProfile", summary = "The signed-in athlete's own profile")
  @ApiResponse(responseCode = "200", description = "The profile", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description =
          "No profile yet: it is created moments after registration (or the account is gone);"
              + " try again shortly")
  @GetMapping("/me")
  ProfileResponse me(CurrentUser user) {
    return profiles.own(user.id());
  }

  @Operation(
      operationId = "updateMyProfile",
      summary = "Change fields of the own profile (absent fields stay)")
  @ApiResponse(responseCode = "200", description = "The profile", useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description =
          "No profile yet: it is created moments after registration (or the account is gone);"
              + " try again shortly")
  @PatchMapping("/me")
  ProfileResponse update(CurrentUser user, @Valid @RequestBody UpdateProfileRequest change) {
    return profiles.update(user.id(), change);
  }

  /** Users and partner apps (client tokens with profile:read) see public profiles only. */
  @Operation(operationId = "getProfile", summary = "Another athlete's public profile")
  @GetMapping("/{id}")
  PublicProfileResponse byId(Caller caller, @PathVariable UUID id) {
    return profiles.viewedBy(caller, id);
  }
}
