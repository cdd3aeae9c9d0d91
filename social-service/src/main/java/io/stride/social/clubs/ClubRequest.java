package io.stride.social.clubs;

import io.stride.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A club to create, or the fields of one to change (absent fields stay). The name is unique in its
 * region, case and accents ignored.
 */
record ClubRequest(
    @Schema(example = "Lakeside Runners") @Size(min = 2, max = 100) @Nullable String name,
    @Schema(example = "Easy Sunday long runs around the lake, all paces welcome") @Size(max = 2000)
        @Nullable String description,
    @Schema(description = "The club's sport, as workouts name it", example = "run")
        @Pattern(regexp = "[a-z_]{2,32}")
        @Nullable String sport,
    @Schema(
            description =
                "Region code (ISO 3166-1 alpha-2 or ISO 3166-2), as region-service has it",
            example = "DE-BY")
        @Size(min = 2, max = 6)
        @Nullable String region,
    @Schema(description = "Private: joining needs an admin's approval", example = "false")
        @Nullable Boolean isPrivate,
    @Schema(example = "https://img.example.com/club.png")
        @Size(max = 2048)
        @Pattern(regexp = "https://\\S+")
        @Nullable String avatarUrl) {

  /** What creating needs besides what it may leave out. */
  void requireForCreate() {
    if (name == null) {
      throw InvalidRequestException.of("name", "a club needs a name");
    }
    if (region == null) {
      throw InvalidRequestException.of("region", "a club needs a region");
    }
  }

  boolean privateOrDefault() {
    return Boolean.TRUE.equals(isPrivate);
  }
}
