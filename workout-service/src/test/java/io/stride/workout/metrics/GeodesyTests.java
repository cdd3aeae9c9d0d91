package io.stride.workout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeodesyTests {

  @Test
  void oneDegreeOfLongitudeAtTheEquatorIsTheWgs84Value() {
    assertThat(Geodesy.distance(0, 10, 0, 11)).isCloseTo(111_319.49, within(0.01));
  }

  @Test
  void oneDegreeOfLatitudeAtTheEquatorMatchesTheMeridianArcWithinAMetre() {
    // meridian arc 0°..1° on WGS84 (Vincenty / numeric integration): 110,574.39 m
    assertThat(Geodesy.distance(0, 0, 1, 0)).isCloseTo(110_574.39, within(1.0));
  }

  @Test
  void shortStepsAtHighLatitudeShrinkWithTheCosineAndTheEllipsoid() {
    assertThat(Geodesy.distance(60, 5, 60, 5.01)).isCloseTo(558.00, within(0.01));
    assertThat(Geodesy.distance(45, 5, 45.001, 5)).isCloseTo(111.132, within(0.001));
  }

  @Test
  void stepsAcrossTheAntimeridianAreShort() {
    assertThat(Geodesy.distance(0, 179.9995, 0, -179.9995)).isCloseTo(111.32, within(0.01));
  }
}
