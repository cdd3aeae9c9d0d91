package io.stride.analytics.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.analytics.fitness.Readiness.Reason;
import io.stride.analytics.readings.RestingHeartRate;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/analytics.md, "Readiness". */
class ReadinessTests {

  @Test
  void aFreshAthleteOnASteadyBuildWithANormalRestingHeartRateScores95() {
    Readiness readiness = Readiness.of(52, 44, 1.1, 120, new RestingHeartRate(49, 50.2));

    assertThat(readiness.score()).isEqualTo(95);
    assertThat(readiness.level()).isEqualTo("ready");
    assertThat(readiness.reasons())
        .extracting(Reason::code)
        .containsExactly("form-fresh", "load-steady", "resting-hr-normal");
    assertThat(readiness.reasons().get(0).text())
        .isEqualTo(
            "You are fresh: form +8.0 (fitness 52.0, fatigue 44.0). A good day for a hard"
                + " session.");
    assertThat(readiness.reasons().get(0).value()).isEqualTo(8.0);
  }

  @Test
  void fatigueALoadSpikeAndARaisedRestingHeartRateBringItToFifteenAndAskForRest() {
    Readiness readiness = Readiness.of(40, 75, 1.62, 200, new RestingHeartRate(58, 50.0));

    assertThat(readiness.score()).isEqualTo(70 - 30 - 20 - 20);
    assertThat(readiness.level()).isEqualTo("rest");
    assertThat(readiness.reasons())
        .extracting(Reason::code)
        .containsExactly("form-very-fatigued", "load-spike", "resting-hr-high");
    assertThat(readiness.reasons().get(1).text()).contains("1.62 times your usual");
    assertThat(readiness.reasons().get(2).value()).isEqualTo(8.0);
  }

  @Test
  void eachBandOfFormRatioAndRestingHeartRateHasItsPoints() {
    assertThat(Readiness.form(50, 55).points()).isZero();
    assertThat(Readiness.form(50, 75).code()).isEqualTo("form-fatigued");
    assertThat(Readiness.form(50, 75).points()).isEqualTo(-15);
    assertThat(Readiness.ratio(1.4).code()).isEqualTo("load-rising");
    assertThat(Readiness.ratio(0.6).code()).isEqualTo("load-low");
    assertThat(Readiness.ratio(0.6).points()).isZero();
    assertThat(Readiness.resting(new RestingHeartRate(55, 50.0)).code()).isEqualTo("resting-hr-up");
    assertThat(Readiness.resting(new RestingHeartRate(55, 50.0)).points()).isEqualTo(-10);
  }

  @Test
  void withoutARatioOrARestingHeartRateThoseReasonsSayTheyAreLeftOut() {
    Readiness readiness = Readiness.of(30, 32, null, 20, null);

    assertThat(readiness.score()).isEqualTo(70);
    assertThat(readiness.level()).isEqualTo("moderate");
    assertThat(readiness.reasons())
        .extracting(Reason::code)
        .containsExactly("form-balanced", "load-ratio-unknown", "resting-hr-unknown");
  }

  @Test
  void beforeFourteenDaysOfHistoryThereIsNoScoreAndTheReasonSaysHowManyThereAre() {
    Readiness readiness = Readiness.of(5, 20, null, 9, null);

    assertThat(readiness.score()).isNull();
    assertThat(readiness.level()).isEqualTo("unknown");
    assertThat(readiness.reasons()).extracting(Reason::code).containsExactly("not-enough-history");
    assertThat(readiness.reasons().get(0).text()).contains("you have 9");
  }
}
