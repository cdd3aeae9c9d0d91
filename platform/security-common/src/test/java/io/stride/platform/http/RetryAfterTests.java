package io.stride.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTests {

  @ParameterizedTest
  @CsvSource({"PT1.2S, 2", "PT4.2S, 5", "PT3S, 3", "PT0S, 1", "PT0.001S, 1", "PT59.999S, 60"})
  void retryAfterRoundsUpToWholeSeconds(Duration wait, long seconds) {
    assertThat(RetryAfter.seconds(wait)).isEqualTo(seconds);
    assertThat(RetryAfter.header(wait)).isEqualTo(Long.toString(seconds));
  }
}
