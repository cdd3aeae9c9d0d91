package io.stride.workout.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownsamplingTests {

  @Test
  void keepsEveryPointWhenThereAreFewerThanAsked() {
    assertThat(Downsampling.indices(5, 100)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void spreadsThePointsEvenlyAndKeepsTheFirstAndTheLast() {
    int[] picked = Downsampling.indices(10_001, 101);

    assertThat(picked).hasSize(101);
    assertThat(picked[0]).isZero();
    assertThat(picked[100]).isEqualTo(10_000);
    assertThat(picked[50]).isEqualTo(5_000);
  }
}
