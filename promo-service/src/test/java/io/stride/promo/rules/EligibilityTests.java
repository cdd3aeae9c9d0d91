package io.stride.promo.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule type of the engine, holding and refusing, with the words the athlete reads. */
class EligibilityTests {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  static final RegionNames NAMES =
      code -> Map.of("DE", "Germany", "AT", "Austria", "DE-BY", "Bavaria").getOrDefault(code, code);

  static AthleteFacts athlete(String region, int ageDays, int level, int workouts, int streak) {
    return new AthleteFacts(
        NOW.minus(Duration.ofDays(ageDays)),
        region,
        level,
        workouts,
        streak,
        Set.of("run"),
        Set.of("6f0a3c1e-0000-4000-8000-000000000001"),
        Set.of("early_bird"));
  }

  @Test
  void accountAgeRuleKeepsOutAccountsTooNewOrTooOld() {
    AthleteFacts tenDaysOld = athlete("DE", 10, 1, 0, 0);
    assertThat(new AccountAgeRule(30, null).refusal(tenDaysOld, NOW, NAMES))
        .hasValue("only for athletes whose account is at least 30 days old");
    assertThat(new AccountAgeRule(null, 7).refusal(tenDaysOld, NOW, NAMES))
        .hasValue("only for athletes who joined in the last 7 days");
    assertThat(new AccountAgeRule(7, 14).refusal(tenDaysOld, NOW, NAMES)).isEmpty();
    assertThat(new AccountAgeRule(null, null).problem()).isPresent();
    assertThat(new AccountAgeRule(20, 10).problem()).hasValue("minDays must not be above maxDays");
  }

  @Test
  void regionRuleNamesTheRegionsAndACountryCoversItsSubdivisions() {
    assertThat(new RegionRule(List.of("DE")).refusal(athlete("DE-BY", 1, 1, 0, 0), NOW, NAMES))
        .isEmpty();
    assertThat(new RegionRule(List.of("DE-BY")).refusal(athlete("DE", 1, 1, 0, 0), NOW, NAMES))
        .hasValue("only for athletes in Bavaria");
    assertThat(new RegionRule(List.of("DE", "AT")).refusal(athlete("FR", 1, 1, 0, 0), NOW, NAMES))
        .hasValue("only for athletes in Germany or Austria");
  }

  @Test
  void sportsRuleNeedsOneOfTheSportsRecorded() {
    assertThat(
            new SportsRule(List.of("ride", "run")).refusal(athlete("DE", 1, 1, 1, 0), NOW, NAMES))
        .isEmpty();
    assertThat(
            new SportsRule(List.of("ride", "swim")).refusal(athlete("DE", 1, 1, 1, 0), NOW, NAMES))
        .hasValue("only for athletes who have recorded a ride or a swim");
  }

  @Test
  void levelRuleBoundsTheLevelFromBelowAndAbove() {
    assertThat(new LevelRule(5, null).refusal(athlete("DE", 1, 4, 0, 0), NOW, NAMES))
        .hasValue("only for athletes at level 5 or above");
    assertThat(new LevelRule(null, 3).refusal(athlete("DE", 1, 4, 0, 0), NOW, NAMES))
        .hasValue("only for athletes up to level 3");
    assertThat(new LevelRule(2, 4).refusal(athlete("DE", 1, 4, 0, 0), NOW, NAMES)).isEmpty();
  }

  @Test
  void hasDoneAndHasNotDoneReadWorkoutsStreaksChallengesAndBadges() {
    AthleteFacts athlete = athlete("DE", 1, 1, 3, 12);
    assertThat(new HasDoneRule(Activity.WORKOUT, null, 3).refusal(athlete, NOW, NAMES)).isEmpty();
    assertThat(new HasDoneRule(Activity.WORKOUT, null, 4).refusal(athlete, NOW, NAMES))
        .hasValue("only for athletes who have recorded 4 workouts");
    assertThat(new HasDoneRule(Activity.DAILY_STREAK, null, 30).refusal(athlete, NOW, NAMES))
        .hasValue("only for athletes who have kept a 30-day streak");
    assertThat(new HasDoneRule(Activity.BADGE, "early_bird", null).refusal(athlete, NOW, NAMES))
        .isEmpty();
    assertThat(
            new HasDoneRule(Activity.CHALLENGE, "6f0a3c1e-0000-4000-8000-000000000001", null)
                .refusal(athlete, NOW, NAMES))
        .isEmpty();
    assertThat(new HasNotDoneRule(Activity.WORKOUT, null, null).refusal(athlete, NOW, NAMES))
        .hasValue("only for athletes who have not yet recorded a workout");
    assertThat(new HasNotDoneRule(Activity.BADGE, "night_owl", null).refusal(athlete, NOW, NAMES))
        .isEmpty();
    assertThat(new HasDoneRule(Activity.BADGE, null, null).problem()).isPresent();
    assertThat(new HasDoneRule(Activity.WORKOUT, "x", null).problem()).isPresent();
  }

  @Test
  void theEngineGivesEveryReasonAtOnceAndChecksTheRegionsPromotionFlag() {
    AthleteFacts athlete = athlete("FR", 1, 1, 0, 0);
    List<String> reasons =
        Eligibility.refusals(
            List.of("DE"), true, List.of(new LevelRule(5, null)), athlete, NOW, NAMES);
    assertThat(reasons)
        .containsExactly("only for athletes in Germany", "only for athletes at level 5 or above");
    assertThat(
            Eligibility.refusals(
                List.of("DE"), false, List.of(), athlete("DE", 1, 1, 0, 0), NOW, NAMES))
        .containsExactly("promotions are not offered in Germany");
    assertThat(
            Eligibility.refusals(
                List.of("DE"), true, List.of(), athlete("DE", 1, 1, 0, 0), NOW, NAMES))
        .isEmpty();
  }
}
