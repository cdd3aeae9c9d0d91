package io.stride.workout.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamCodecTests {

  @Test
  void valuesAndGapsSurviveARoundTripAndRepetitiveStreamsShrink() {
    double[] values = new double[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 100 == 0 ? Double.NaN : 140 + (i % 7);
    }

    byte[] packed = StreamCodec.encode(values, values.length);

    assertThat(StreamCodec.decode(packed)).containsExactly(values);
    assertThat(packed.length).isLessThan(values.length * Double.BYTES / 4);
  }
}
