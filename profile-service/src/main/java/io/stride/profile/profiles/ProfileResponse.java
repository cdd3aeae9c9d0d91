package io.stride.profile.profiles;

import io.stride.profile.profiles.Profile.AccountPrivacy;
import io.stride.profile.profiles.Profile.Sex;
import io.stride.profile.profiles.Profile.Units;
import io.stride.profile.profiles.Profile.Visibility;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The owner's full view of their profile. */
record ProfileResponse(
    UUID id,
    String displayName,
    String avatarUrl,
    LocalDate birthDate,
    Sex sex,
    Integer heightCm,
    BigDecimal weightKg,
    Integer maxHeartRate,
    Integer restingHeartRate,
    Units units,
    String timeZone,
    Visibility defaultWorkoutVisibility,
    AccountPrivacy accountPrivacy,
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
        p.createdAt(),
        p.updatedAt());
  }
}
