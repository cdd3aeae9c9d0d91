package io.stride.profile.profiles;

import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.InvalidRequestException;
import io.stride.platform.web.UnavailableException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a profile takes from its region, read from this replica's copy of region-service's settings
 * (ADR 0024), never by a call per request.
 */
@Component
class ProfileRegions {

  /** Where no region is chosen yet: the youngest age any of Stride's regions allows. */
  static final int DEFAULT_MINIMUM_AGE = 13;

  /** The youngest age allowed, and where ("" or " in DE-BY") for the message. */
  record MinimumAge(int years, String where) {}

  private final RegionSettingsCopy copy;

  ProfileRegions(RegionSettingsCopy copy) {
    this.copy = copy;
  }

  /**
   * The region code as stored (upper case), if region-service has such a region.
   *
   * @throws InvalidRequestException 422 naming {@code region} for a code it does not have
   * @throws UnavailableException 503 while the copy has not been loaded at all
   */
  String known(String code) {
    String normalized = code.toUpperCase(Locale.ROOT);
    if (!copy.isLoaded()) {
      throw notLoaded();
    }
    if (!copy.knows(normalized)) {
      throw InvalidRequestException.of(
          "region", normalized + " is not a region Stride knows (GET /api/v1/regions lists them)");
    }
    return normalized;
  }

  /**
   * The youngest age allowed where the athlete lives.
   *
   * @throws UnavailableException 503 while the copy does not hold {@code region} yet: a region's
   *     rule is never guessed
   */
  MinimumAge minimumAge(@Nullable String region) {
    if (region == null) {
      return new MinimumAge(DEFAULT_MINIMUM_AGE, "");
    }
    return copy.find(region)
        .map(settings -> new MinimumAge(settings.minimumAge(), " in " + region))
        .orElseThrow(ProfileRegions::notLoaded);
  }

  private static UnavailableException notLoaded() {
    return new UnavailableException(
        "The list of regions has not reached this server yet; try again in a few seconds.",
        Duration.ofSeconds(5));
  }
}
