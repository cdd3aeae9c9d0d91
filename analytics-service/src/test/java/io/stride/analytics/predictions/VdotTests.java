package io.stride.analytics.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The worked examples of docs/analytics.md, "Running estimates". */
class VdotTests {

  @Test
  void fiveKilometresInTwentyMinutesIsAVdotOf49Point8() {
    assertThat(Vdot.of(5000, 1200)).isCloseTo(49.81, within(0.01));
  }

  @Test
  void aVdotOf49Point8RunsTenKilometresIn2488SecondsAndAMarathonIn11477() {
    double vdot = Vdot.of(5000, 1200);
    assertThat(Vdot.secondsFor(vdot, 10000)).isCloseTo(2487.9, within(0.5));
    assertThat(Vdot.secondsFor(vdot, 42195)).isCloseTo(11477.2, within(0.5));
    assertThat(Vdot.secondsFor(vdot, 5000)).as("its own effort back").isCloseTo(1200, within(0.05));
  }
}
