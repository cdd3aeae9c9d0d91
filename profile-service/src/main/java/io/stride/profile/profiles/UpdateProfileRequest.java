package io.stride.profile.profiles;

import io.stride.profile.profiles.Profile.AccountPrivacy;
import io.stride.profile.profiles.Profile.Sex;
import io.stride.profile.profiles.Profile.Units;
import io.stride.profile.profiles.Profile.Visibility;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A partial update of the caller's profile: fields left out (or null) keep their value. Ranges are
 * checked here (400); rules that span fields or need the stored profile are checked by {@link
 * ProfileRules} (422). Unknown fields are rejected, so nothing else can be set.
 */
record UpdateProfileRequest(
    @Size(min = 1, max = 80) String displayName,
    @Size(max = 2048) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        String avatarUrl,
    @Past LocalDate birthDate,
    Sex sex,
    @Min(50) @Max(272) Integer heightCm,
    @DecimalMin("20.0") @DecimalMax("400.0") @Digits(integer = 3, fraction = 1) BigDecimal weightKg,
    @Min(100) @Max(230) Integer maxHeartRate,
    @Min(25) @Max(120) Integer restingHeartRate,
    Units units,
    @Size(max = 64) String timeZone,
    Visibility defaultWorkoutVisibility,
    AccountPrivacy accountPrivacy) {}
