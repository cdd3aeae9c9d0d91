package io.stride.workout.importing.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.garmin.fit.GarminProduct;
import com.garmin.fit.Manufacturer;
import org.junit.jupiter.api.Test;

class DeviceNamesTests {

  private final ActivityFiles files = new ActivityFiles(Limits.DEFAULT);

  @Test
  void realFitFilesNameTheirDevicesAsAPersonWould() {
    assertThat(name("fitparse_garmin-fenix-5-run.fit")).isEqualTo("Garmin Fenix 5");
    assertThat(name("fitparse_2019-02-17-062644-ELEMNT-297E-195-0.fit"))
        .isEqualTo("Wahoo Fitness ELEMNT");
  }

  @Test
  void aGarminProductIsNamedFromTheSdksListAndAWordWithDigitsIsKeptAsAModelCode() {
    assertThat(DeviceNames.fit(Manufacturer.GARMIN, GarminProduct.EDGE_530, null))
        .isEqualTo(
            "Garmin "
                + DeviceNames.words(GarminProduct.getStringFromValue(GarminProduct.EDGE_530)));
    assertThat(DeviceNames.words("wahoo_fitness")).isEqualTo("Wahoo Fitness");
    assertThat(DeviceNames.words("EDGE_530")).isEqualTo("Edge 530");
    assertThat(DeviceNames.words("FR945")).isEqualTo("FR945");
    assertThat(DeviceNames.words("FENIX5")).isEqualTo("Fenix 5");
  }

  @Test
  void theProductNameADeviceWroteWinsAndIsNotPrefixedTwice() {
    assertThat(DeviceNames.fit(Manufacturer.WAHOO_FITNESS, 31, "ELEMNT BOLT"))
        .isEqualTo("Wahoo Fitness ELEMNT BOLT");
    assertThat(DeviceNames.fit(Manufacturer.GARMIN, 1, "Garmin Forerunner 965"))
        .isEqualTo("Garmin Forerunner 965");
    assertThat(DeviceNames.fit(Manufacturer.WAHOO_FITNESS, 31, null))
        .isEqualTo("Wahoo Fitness product 31");
    assertThat(DeviceNames.fit(null, null, null)).isNull();
  }

  private String name(String fixture) {
    return files.read(ActivityFixtures.copied(fixture)).device().name();
  }
}
