package io.stride.integration.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTests {

  @Test
  void waitsFiveSecondsFiveMinutesHalfAnHourTwoHoursFiveHoursThenTenHoursWithinJitter() {
    SplittableRandom random = new SplittableRandom(7);
    Duration[] expected = {
      Duration.ofSeconds(5),
      Duration.ofMinutes(5),
      Duration.ofMinutes(30),
      Duration.ofHours(2),
      Duration.ofHours(5),
      Duration.ofHours(10),
      Duration.ofHours(10),
      Duration.ofHours(10)
    };
    for (int failures = 1; failures <= expected.length; failures++) {
      Duration wait = Backoff.after(failures, random);
      long base = expected[failures - 1].toMillis();
      assertThat(wait.toMillis())
          .as("after failure " + failures)
          .isBetween((long) (base * 0.8), (long) (base * 1.2));
    }
  }

  @Test
  void jitterSpreadsEndpointsThatFailedTogether() {
    SplittableRandom random = new SplittableRandom(11);
    assertThat(
            java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> Backoff.after(2, random))
                .distinct()
                .count())
        .isGreaterThan(10);
  }
}
