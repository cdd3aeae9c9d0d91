package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.workout.metrics.Track.Channel;
import org.junit.jupiter.api.Test;

class HeartRateZonesTests {

  @Test
  void zonesAreFractionsOfTheHeartRateReserveWhenRestingIsKnown() {
    assertThat(HeartRateZones.bounds(new Athlete(null, 190, 50, null)))
        .containsExactly(134, 148, 162, 176);
  }

  @Test
  void withoutRestingHeartRateZonesAreFractionsOfTheMaximumAndTheMaximumMayComeFromAge() {
    assertThat(HeartRateZones.bounds(new Athlete(null, null, null, 40)))
        .containsExactly(108, 126, 144, 162);
    assertThat(HeartRateZones.bounds(Athlete.UNKNOWN)).isNull();
  }

  @Test
  void countsTheSecondsSpentInEachZone() {
    Track.Builder builder = Track.builder();
    int[] heartRates = {120, 120, 140, 150, 180, 180};
    for (int i = 0; i < heartRates.length; i++) {
      builder.point(i * 10_000L).set(Channel.HEART_RATE, heartRates[i]);
    }
    Track track = builder.build();

    HeartRateZones.Result result =
        HeartRateZones.of(
            Motion.of(track, Sport.RUN),
            new double[] {120, 120, 140, 150, 180, 180},
            new Athlete(null, 190, 50, null));

    assertThat(result.seconds()).containsExactly(20, 10, 10, 0, 10);
  }
}
