package io.stride.workout.metrics;

import static io.stride.workout.metrics.Tracks.concat;
import static io.stride.workout.metrics.Tracks.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitsTests {

  @Test
  void cutsEveryKilometreAndKeepsTheRestAsALastSplit() {
    Track track = Tracks.withSpeeds(constant(4, 625)); // 2,500 m

    List<Splits.Split> splits =
        Splits.of(Motion.of(track, Sport.RUN), Splits.KILOMETRE, null, null);

    assertThat(splits).hasSize(3);
    assertThat(splits.get(0).elapsedSeconds()).isCloseTo(250, within(1e-6));
    assertThat(splits.get(1).elapsedSeconds()).isCloseTo(250, within(1e-6));
    assertThat(splits.get(2).meters()).isCloseTo(500, within(1e-6));
    assertThat(splits.get(2).elapsedSeconds()).isCloseTo(125, within(1e-6));
    assertThat(splits.get(0).averageSpeed()).isCloseTo(4, within(1e-9));
    assertThat(splits.get(0).elevationChange()).isNull();
  }

  @Test
  void aStopShowsAsElapsedButNotMovingTimeOfItsSplit() {
    Track track = Tracks.withSpeeds(concat(constant(4, 100), constant(0, 30), constant(4, 150)));

    List<Splits.Split> splits =
        Splits.of(Motion.of(track, Sport.RUN), Splits.KILOMETRE, null, null);

    assertThat(splits.get(0).elapsedSeconds()).isCloseTo(280, within(1e-6));
    assertThat(splits.get(0).movingSeconds()).isCloseTo(250, within(1e-6));
  }

  @Test
  void mileSplitsUseTheInternationalMile() {
    Track track = Tracks.withSpeeds(constant(4, 1000)); // 4,000 m

    List<Splits.Split> splits = Splits.of(Motion.of(track, Sport.RUN), Splits.MILE, null, null);

    assertThat(splits).hasSize(3);
    assertThat(splits.get(0).elapsedSeconds()).isCloseTo(1609.344 / 4, within(1e-6));
    assertThat(splits.get(2).meters()).isCloseTo(4000 - 2 * 1609.344, within(1e-6));
  }
}
