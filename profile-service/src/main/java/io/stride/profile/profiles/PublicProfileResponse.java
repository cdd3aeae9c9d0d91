package io.stride.profile.profiles;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What other athletes see of a public profile. Body and health data (birth date, sex, height,
 * weight, heart rate) are never part of it.
 */
record PublicProfileResponse(
    UUID id, String displayName, @Nullable String avatarUrl, Instant memberSince) {

  static PublicProfileResponse of(Profile p) {
    return new PublicProfileResponse(p.userId(), p.displayName(), p.avatarUrl(), p.createdAt());
  }
}
