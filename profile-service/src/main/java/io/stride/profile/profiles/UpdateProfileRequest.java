package io.stride.profile.profiles;

import io.stride.profile.profiles.Profile.AccountPrivacy;
import io.stride.profile.profiles.Profile.Sex;
import io.stride.profile.profiles.Profile.Units;
import io.stride.profile.profiles.Profile.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.jspecify.annotations.Nullable;

/**
 * A partial update of the caller's profile: fields left out (or null) keep their value. Ranges are
 * checked here (400); rules that span fields or need the stored profile are checked by {@link
 * ProfileRules} (422). Unknown fields are rejected, so nothing else can be set.
 */
record UpdateProfileRequest(
    @Size(min = 1, max = 80) @Schema(example = "Ada Lovelace") @Nullable String displayName,
    @Size(max = 2048)
        @Pattern(regexp = "https://\\S+", message = "must be an https URL")
        @Schema(example = "https://images.example.com/ada.jpg")
        @Nullable String avatarUrl,
    @Past @Schema(example = "1990-12-10") @Nullable LocalDate birthDate,
    @Nullable Sex sex,
    @Min(50) @Max(272) @Schema(example = "168") @Nullable Integer heightCm,
    @DecimalMin("20.0")
        @DecimalMax("400.0")
        @Digits(integer = 3, fraction = 1)
        @Schema(example = "61.5")
        @Nullable BigDecimal weightKg,
    @Min(100) @Max(230) @Schema(example = "188") @Nullable Integer maxHeartRate,
    @Min(25) @Max(120) @Schema(example = "52") @Nullable Integer restingHeartRate,
    @Nullable Units units,
    @Size(max = 64) @Schema(example = "Europe/London") @Nullable String timeZone,
    @Nullable Visibility defaultWorkoutVisibility,
    @Nullable AccountPrivacy accountPrivacy,
    @Pattern(
            regexp = "[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?",
            message = "must be a region code: ISO 3166-1 alpha-2 (DE) or ISO 3166-2 (DE-BY)")
        @Schema(
            example = "DE-BY",
            description =
                "Where the athlete lives, as a region of GET /api/v1/regions: its rules (minimum"
                    + " age, features) apply to them")
        @Nullable String region) {}
