package io.stride.recommendation.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.recommendation.training.TrainingAdvice.Advice;
import io.stride.recommendation.training.TrainingAdvice.Answers;
import io.stride.recommendation.training.TrainingAdvice.Pattern;
import io.stride.recommendation.training.TrainingAdvice.State;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of today's suggestion, in their order, and what the athlete's answers change. */
class TrainingAdviceTests {

  private static final Pattern ROUTINE = new Pattern(4, 1, true, 30);

  @Test
  void readinessThatSaysRestIsNeverAnythingButRestWhateverTheFormRatioOrAnswers() {
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      int readiness = random.nextInt(TrainingAdvice.REST_READINESS);
      State state =
          new State(
              random.nextDouble() * 100,
              random.nextDouble() * 100,
              random.nextDouble() * 80 - 40,
              random.nextBoolean() ? null : random.nextDouble() * 2,
              readiness,
              List.of());
      Pattern pattern =
          new Pattern(
              random.nextBoolean() ? null : random.nextInt(20),
              random.nextInt(8),
              random.nextBoolean(),
              random.nextInt(60));
      Answers answers =
          new Answers(
              random.nextBoolean() ? Set.of(Kind.STEADY) : Set.of(),
              random.nextBoolean() ? Set.of(Kind.REST) : Set.of());
      Advice advice = TrainingAdvice.advise(state, pattern, answers);
      assertThat(advice.kind()).as("readiness %d", readiness).isEqualTo(Kind.REST);
      assertThat(advice.reasons()).extracting(TrainingReason::code).contains("readiness-low");
    }
  }

  @Test
  void aHardDayNeedsFreshFormAModerateLoadRatioAndHighReadiness() {
    assertThat(kind(new State(60, 55, 5, 1.1, 80, List.of()), ROUTINE)).isEqualTo(Kind.HARD);
    assertThat(kind(new State(60, 55, 5, 1.1, 60, List.of()), ROUTINE)).isEqualTo(Kind.STEADY);
    assertThat(kind(new State(60, 75, -15, 1.1, 80, List.of()), ROUTINE)).isEqualTo(Kind.STEADY);
    assertThat(kind(new State(60, 55, 5, 1.4, 80, List.of()), ROUTINE)).isEqualTo(Kind.STEADY);
  }

  @Test
  void aLoadSpikeOrTiredFormOrADemandingDayYesterdayMakesTodayEasy() {
    assertThat(kind(new State(60, 55, 5, 1.6, 80, List.of()), ROUTINE)).isEqualTo(Kind.EASY);
    assertThat(kind(new State(60, 95, -35, 1.2, 80, List.of()), ROUTINE)).isEqualTo(Kind.EASY);
    assertThat(kind(new State(60, 55, 5, 1.1, 50, List.of()), ROUTINE)).isEqualTo(Kind.EASY);
    assertThat(kind(new State(60, 55, 5, 1.1, 80, List.of()), new Pattern(1, 1, true, 30)))
        .isEqualTo(Kind.EASY);
  }

  @Test
  void sixDaysInARowIsARestDayAndNoHistoryStartsEasy() {
    assertThat(kind(new State(60, 55, 5, 1.1, 80, List.of()), new Pattern(4, 6, true, 30)))
        .isEqualTo(Kind.REST);
    Advice unknown = TrainingAdvice.advise(null, new Pattern(null, 0, false, 0), Answers.NONE);
    assertThat(unknown.kind()).isEqualTo(Kind.EASY);
    assertThat(unknown.reasons()).extracting(TrainingReason::code).containsExactly("no-history");
  }

  @Test
  void noLongWorkoutThisWeekSuggestsALongOneWhenTheFormAllows() {
    Pattern noLong = new Pattern(4, 1, false, 30);
    assertThat(kind(new State(60, 55, 5, 1.1, 80, List.of()), noLong)).isEqualTo(Kind.LONG);
    assertThat(kind(new State(60, 80, -20, 1.1, 80, List.of()), noLong)).isEqualTo(Kind.STEADY);
  }

  @Test
  void aKindPassedOnTwiceIsReplacedByALighterOneAndNotTodayMakesTodayLighter() {
    State fresh = new State(60, 55, 5, 1.1, 80, List.of());
    Advice passed = TrainingAdvice.advise(fresh, ROUTINE, new Answers(Set.of(Kind.HARD), Set.of()));
    assertThat(passed.kind()).isEqualTo(Kind.STEADY);
    assertThat(passed.reasons().get(0).code()).isEqualTo("passed-on");
    assertThat(passed.reasons().get(0).text()).contains("hard");

    Advice notToday =
        TrainingAdvice.advise(fresh, ROUTINE, new Answers(Set.of(), Set.of(Kind.HARD)));
    assertThat(notToday.kind()).isEqualTo(Kind.EASY);
    Advice notEasyEither =
        TrainingAdvice.advise(fresh, ROUTINE, new Answers(Set.of(), Set.of(Kind.HARD, Kind.EASY)));
    assertThat(notEasyEither.kind()).isEqualTo(Kind.REST);
  }

  @Test
  void everyReasonReadsAsASentenceWithItsNumber() {
    Advice advice =
        TrainingAdvice.advise(new State(60, 55, 5.25, 1.1, 81, List.of()), ROUTINE, Answers.NONE);
    assertThat(advice.reasons())
        .extracting(TrainingReason::text)
        .containsExactly(
            "Your form is 5.3: you are fresh enough for a hard session.",
            "Your readiness is 81 of 100.");
  }

  private static Kind kind(State state, Pattern pattern) {
    return TrainingAdvice.advise(state, pattern, Answers.NONE).kind();
  }
}
