package io.stride.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.platform.regions.RegionSettingsCopy;
import io.stride.platform.web.UnavailableException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Until the region copy is complete, a region's rule is never guessed: 503, retry shortly. */
class ProfileRegionsTests {

  private final ProfileRegions regions =
      new ProfileRegions(new RegionSettingsCopy(Clock.systemUTC(), () -> false));

  @Test
  void aCopyNotLoadedYetCannotTellARegionIsUnknownOrWhatItsMinimumAgeIs() {
    assertThatThrownBy(() -> regions.known("DE-BY")).isInstanceOf(UnavailableException.class);
    assertThatThrownBy(() -> regions.minimumAge("DE-BY"))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("try again");
    assertThat(regions.minimumAge(null).years())
        .as("no region chosen: the youngest age any region allows")
        .isEqualTo(ProfileRegions.DEFAULT_MINIMUM_AGE);
  }
}
