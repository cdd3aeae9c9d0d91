package io.stride.profile.profiles;

import io.stride.profile.profiles.Profile.AccountPrivacy;
import io.stride.profile.profiles.Profile.Sex;
import io.stride.profile.profiles.Profile.Units;
import io.stride.profile.profiles.Profile.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The owner's full view of their profile. */
record ProfileResponse(
    UUID id,
    String displayName,
    @Nullable String avatarUrl,
    @Nullable LocalDate birthDate,
    @Nullable Sex sex,
    @Nullable Integer heightCm,
    @Nullable BigDecimal weightKg,
    @Nullable Integer maxHeartRate,
    @Nullable Integer restingHeartRate,
    Units units,
    String timeZone,
    Visibility defaultWorkoutVisibility,
    AccountPrivacy accountPrivacy,
    @Nullable String region,
    Instant createdAt,
    Instant updatedAt) {

  static ProfileResponse of(Profile p) {
    return new ProfileResponse(
        p.userId(),
        p.displayName(),
        p.avatarUrl(),
        p.birthDate(),
        p.sex(),
        p.heightCm(),
        p.weightKg(),
        p.maxHeartRate(),
        p.restingHeartRate(),
        p.units(),
        p.timeZone(),
        p.defaultWorkoutVisibility(),
        p.accountPrivacy(),
        p.region(),
        p.createdAt(),
        p.updatedAt());
  }
}
