package io.stride.profile.profiles;

import io.stride.platform.security.Caller;
import io.stride.platform.security.CurrentUser;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

  private final ProfileService profiles;

  ProfileController(ProfileService profiles) {
    this.profiles = profiles;
  }

  @GetMapping("/me")
  ProfileResponse me(CurrentUser user) {
    return profiles.own(user.id());
  }

  @PatchMapping("/me")
  ProfileResponse update(CurrentUser user, @Valid @RequestBody UpdateProfileRequest change) {
    return profiles.update(user.id(), change);
  }

  /** Users and partner apps (client tokens with profile:read) see public profiles only. */
  @GetMapping("/{id}")
  PublicProfileResponse byId(Caller caller, @PathVariable UUID id) {
    return profiles.viewedBy(caller, id);
  }
}
