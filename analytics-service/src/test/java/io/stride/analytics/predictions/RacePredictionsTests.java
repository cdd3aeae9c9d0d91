package io.stride.analytics.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.predictions.RacePredictions.Prediction;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/analytics.md, "Running estimates". */
class RacePredictionsTests {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  static Effort effort(String name, int daysAgo, double meters, double seconds) {
    return new Effort(UUID.randomUUID(), name, TODAY.minusDays(daysAgo), meters, seconds);
  }

  @Test
  void aTwentyMinute5kPredicts10kIn41_42ByRiegelAnd41_28ByVdotAndEveryRaceToTheMarathon() {
    Effort fiveK = effort("5k", 10, 5000, 1200);

    RacePredictions.Predictions predictions = RacePredictions.of(List.of(fiveK), TODAY);

    assertThat(predictions.basedOn()).contains(fiveK);
    assertThat(predictions.vdot()).isEqualTo(49.8);
    assertThat(predictions.races())
        .containsExactly(
            new Prediction("5k", 5000, 1200, 1200),
            new Prediction("10k", 10000, 2502, 2488),
            new Prediction("half_marathon", 21097.5, 5520, 5510),
            new Prediction("marathon", 42195, 11509, 11477));
  }

  @Test
  void theEffortOfTheHighestVdotWinsAmongThoseOfAtLeast3KmInTheLast180Days() {
    Effort slowTen = effort("10k", 3, 10000, 3000);
    Effort fastFive = effort("5k", 20, 5000, 1260);
    Effort oldFaster = effort("5k", 181, 5000, 1100);
    Effort shortSprint = effort("1k", 1, 1000, 180);

    RacePredictions.Predictions predictions =
        RacePredictions.of(List.of(slowTen, fastFive, oldFaster, shortSprint), TODAY);

    assertThat(predictions.basedOn()).contains(fastFive);
  }

  @Test
  void noRaceIsPredictedBeyondTenTimesTheEffortsDistance() {
    RacePredictions.Predictions predictions =
        RacePredictions.of(List.of(effort("workout", 5, 4000, 1000)), TODAY);

    assertThat(predictions.races())
        .extracting(Prediction::race)
        .containsExactly("5k", "10k", "half_marathon");
  }

  @Test
  void withoutAnEffortOfAtLeast3KmInTheWindowNothingIsPredicted() {
    RacePredictions.Predictions predictions =
        RacePredictions.of(
            List.of(effort("1k", 1, 1000, 200), effort("5k", 200, 5000, 1300)), TODAY);

    assertThat(predictions.basedOn()).isEmpty();
    assertThat(predictions.vdot()).isNull();
    assertThat(predictions.races()).isEmpty();
  }
}
