package io.stride.workout.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HiddenSamplesTests {

  private static final double NAN = Double.NaN;

  private final HiddenSamples hidden =
      HiddenSamples.of(new boolean[] {true, true, false, false, true, false, false, true});

  @Test
  void removesTheHiddenSamplesFromAStream() {
    assertThat(hidden.remove(new double[] {1, 2, 3, 4, 5, 6, 7, 8})).containsExactly(3, 4, 6, 7);
  }

  @Test
  void cumulativeStreamsCountOnlyStepsBetweenShownSamples() {
    double[] distance = {0, 10, 20, 30, 40, 50, 60, 70};

    assertThat(hidden.removeRebased(distance)).containsExactly(0, 10, 10, 20);
  }

  @Test
  void unrecordedValuesStayUnrecordedAndDoNotBreakTheCount() {
    double[] time = {0, 1, NAN, 3, 4, 5, NAN, 7};

    assertThat(hidden.removeRebased(time)).containsExactly(NAN, 0, 0, NAN);
    assertThat(
            HiddenSamples.of(new boolean[] {true, false, false, false})
                .removeRebased(new double[] {0, 1, NAN, 3}))
        .containsExactly(0, NAN, 2);
  }

  @Test
  void nothingHiddenLeavesStreamsAsTheyAre() {
    double[] values = {5, 6, 7};
    HiddenSamples none = HiddenSamples.of(new boolean[3]);

    assertThat(none.any()).isFalse();
    assertThat(none.remove(values)).isSameAs(values);
    assertThat(none.removeRebased(values)).isSameAs(values);
  }

  @Test
  void refusesAStreamOfAnotherLength() {
    assertThatThrownBy(() -> hidden.remove(new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
