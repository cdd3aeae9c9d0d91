package io.stride.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.recommendation.evaluation.OfflineEvaluation.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTests {

  @Test
  void
      onASeededPopulationOurPeopleAndChallengeSuggestionsBeatThePopularityBaselineOnBothMeasures() {
    List<Comparison> results = OfflineEvaluation.run(3_000, 7);

    assertThat(results).extracting(Comparison::list).containsExactly("people", "challenges");
    for (Comparison result : results) {
      assertThat(result.athletes()).as(result.list()).isGreaterThan(100);
      assertThat(result.ours().precision())
          .as(result.toString())
          .isGreaterThan(result.popularity().precision());
      assertThat(result.ours().recall())
          .as(result.toString())
          .isGreaterThan(result.popularity().recall());
    }
  }

  @Test
  void theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
    assertThat(OfflineEvaluation.run(1_000, 3)).isEqualTo(OfflineEvaluation.run(1_000, 3));
    assertThat(OfflineEvaluation.run(1_000, 3)).isNotEqualTo(OfflineEvaluation.run(1_000, 4));
  }
}
