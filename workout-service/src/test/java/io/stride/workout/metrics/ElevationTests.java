package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.stride.workout.metrics.Track.Channel;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ElevationTests {

  @Test
  void gpsJitterOnFlatGroundIsNotClimbing() {
    Random noise = new Random(7);
    Track.Builder track = Track.builder();
    for (int i = 0; i < 3600; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 200 + noise.nextGaussian() * 1.5);
    }

    Elevation.Result result = Elevation.of(Elevation.smoothed(track.build()));

    assertThat(result.gain()).isLessThan(5);
    assertThat(result.loss()).isLessThan(5);
  }

  @Test
  void aSteadyNoisyClimbCountsAboutItsHeight() {
    Random noise = new Random(11);
    Track.Builder track = Track.builder();
    for (int i = 0; i <= 1800; i++) {
      track.point(i * 1000L).set(Channel.ALTITUDE, 100 + i / 6.0 + noise.nextGaussian());
    }

    Elevation.Result result = Elevation.of(Elevation.smoothed(track.build()));

    assertThat(result.gain()).isCloseTo(300, within(6.0));
    assertThat(result.loss()).isLessThan(3);
    assertThat(result.min()).isCloseTo(100, within(3.0));
    assertThat(result.max()).isCloseTo(400, within(3.0));
  }

  @Test
  void aTrackWithoutAltitudeHasNoElevationRatherThanZero() {
    Track track = Tracks.withSpeeds(Tracks.constant(3, 60));

    assertThat(Elevation.smoothed(track)).isNull();
    assertThat(Elevation.of(null)).isNull();
  }
}
