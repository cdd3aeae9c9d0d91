package io.stride.gamification.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelsTests {

  @Test
  void everyoneStartsAtLevelOneAndEachLevelAsksAHundredMoreThanTheOneBefore() {
    assertThat(Levels.of(0)).isEqualTo(1);
    assertThat(Levels.of(99)).isEqualTo(1);
    assertThat(Levels.of(100)).isEqualTo(2);
    assertThat(Levels.of(299)).isEqualTo(2);
    assertThat(Levels.of(300)).isEqualTo(3);
    assertThat(Levels.threshold(4) - Levels.threshold(3))
        .isEqualTo(Levels.threshold(3) - Levels.threshold(2) + 100);
    assertThat(Levels.next(3)).isEqualTo(600);
  }

  @Test
  void theHighestLevelHasNoNext() {
    assertThat(Levels.of(Long.MAX_VALUE / 2)).isEqualTo(Levels.HIGHEST);
    assertThat(Levels.next(Levels.HIGHEST)).isNull();
  }
}
