package io.stride.workout.metrics;

import static io.stride.workout.metrics.Tracks.concat;
import static io.stride.workout.metrics.Tracks.constant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BestEffortsTests {

  @Test
  void findsTheFastestKilometreInsideALongerRun() {
    // 1,200 m at 4 m/s, 1,000 m at 5 m/s, 1,200 m at 4 m/s
    Track track = Tracks.withSpeeds(concat(constant(4, 300), constant(5, 200), constant(4, 300)));

    Map<String, BestEfforts.Effort> efforts =
        byName(BestEfforts.of(Motion.of(track, Sport.RUN), Sport.RUN));

    assertThat(efforts.get("1k").seconds()).isCloseTo(200, within(1e-6));
    assertThat(efforts.get("1k").startSecond()).isCloseTo(300, within(1e-6));
    assertThat(efforts.get("400m").seconds()).isCloseTo(80, within(1e-6));
    assertThat(efforts.get("1mile").seconds()).isCloseTo(200 + 609.344 / 4, within(1e-6));
    assertThat(efforts).doesNotContainKey("5k");
  }

  @Test
  void aStopInsideTheStretchCountsLikeInARace() {
    Track track = Tracks.withSpeeds(concat(constant(5, 100), constant(0, 60), constant(5, 100)));

    Map<String, BestEfforts.Effort> efforts =
        byName(BestEfforts.of(Motion.of(track, Sport.RUN), Sport.RUN));

    assertThat(efforts.get("1k").seconds()).isCloseTo(260, within(1e-6));
  }

  @Test
  void ridesSearchRideDistancesAndOtherSportsNone() {
    Track track = Tracks.withSpeeds(constant(10, 1200));

    assertThat(byName(BestEfforts.of(Motion.of(track, Sport.RIDE), Sport.RIDE)))
        .containsOnlyKeys("5k", "10k");
    assertThat(BestEfforts.of(Motion.of(track, Sport.ROWING), Sport.ROWING)).isEmpty();
  }

  private static Map<String, BestEfforts.Effort> byName(List<BestEfforts.Effort> efforts) {
    return efforts.stream().collect(Collectors.toMap(BestEfforts.Effort::name, e -> e));
  }
}
