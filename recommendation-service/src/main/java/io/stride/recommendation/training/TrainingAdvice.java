package io.stride.recommendation.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Today's training suggestion from the athlete's state and recent pattern: rules in a fixed order,
 * the first that applies decides (docs/recommendations.md has the table). Readiness that says rest
 * is the first rule, so no other can make the day hard.
 *
 * <ol>
 *   <li>readiness under {@value #REST_READINESS}: rest
 *   <li>{@value #MAX_DAYS_IN_A_ROW} or more days in a row trained: rest
 *   <li>readiness under {@value #EASY_READINESS}, load ratio over {@value #SPIKE_RATIO} or form
 *       under {@value #TIRED_FORM}: easy
 *   <li>a demanding day today or yesterday: easy
 *   <li>nothing known yet (no state, no workouts): easy
 *   <li>a workout in twelve weeks but no long one in seven days, form at least {@value #LONG_FORM}:
 *       long
 *   <li>form at least {@value #HARD_FORM}, load ratio at most {@value #HARD_RATIO} and readiness at
 *       least {@value #HARD_READINESS} (or unknown with positive form): hard
 *   <li>otherwise: steady
 * </ol>
 *
 * Then the athlete's answers: a kind passed on ({@code dismissed}) twice in fourteen days is not
 * offered for fourteen days (the lighter one is); "not today" makes today lighter (a hard or long
 * day easy, a steady day easy, an easy day rest).
 */
public final class TrainingAdvice {

  static final int REST_READINESS = 35;
  static final int MAX_DAYS_IN_A_ROW = 6;
  static final int EASY_READINESS = 55;
  static final double SPIKE_RATIO = 1.5;
  static final double TIRED_FORM = -30;
  static final double LONG_FORM = -15;
  static final double HARD_FORM = -10;
  static final double HARD_RATIO = 1.3;
  static final int HARD_READINESS = 70;

  private TrainingAdvice() {}

  /**
   * What analytics-service last said of the athlete (null fields: not enough history).
   *
   * @param readinessReasons analytics' reason codes ({@code resting-hr-up} …)
   */
  public record State(
      double fitness,
      double fatigue,
      double form,
      @Nullable Double acuteChronicRatio,
      @Nullable Integer readiness,
      List<String> readinessReasons) {}

  /**
   * The recent pattern from the athlete's workouts (and demanding suggestions they accepted).
   *
   * @param daysSinceDemanding days since the last hard or long day, null when none in 12 weeks
   * @param daysInARow days trained in a row up to yesterday (today's workouts count too)
   * @param longInLastWeek whether a long workout was done in the last seven days
   * @param workoutsInTwelveWeeks how many workouts the last twelve weeks hold
   */
  public record Pattern(
      @Nullable Integer daysSinceDemanding,
      int daysInARow,
      boolean longInLastWeek,
      int workoutsInTwelveWeeks) {}

  /**
   * The athlete's answers that bear on today.
   *
   * @param passedOn kinds dismissed twice or more in the last fourteen days
   * @param notToday the kinds the athlete said "not today" to today
   */
  public record Answers(Set<Kind> passedOn, Set<Kind> notToday) {

    public static final Answers NONE = new Answers(Set.of(), Set.of());

    public Answers {
      passedOn = Set.copyOf(passedOn);
      notToday = Set.copyOf(notToday);
    }
  }

  /** The suggestion and its reasons (codes with their numbers), strongest first. */
  public record Advice(Kind kind, List<TrainingReason> reasons) {}

  public static Advice advise(@Nullable State state, Pattern pattern, Answers answers) {
    List<TrainingReason> reasons = new ArrayList<>();
    Kind kind = byRules(state, pattern, reasons);
    if (kind.demanding() || kind == Kind.STEADY) {
      while (answers.passedOn().contains(kind) && kind != Kind.REST) {
        reasons.add(0, TrainingReason.of("passed-on", kind.code()));
        kind = kind.lighter();
      }
    }
    while (answers.notToday().contains(kind) && kind != Kind.REST) {
      reasons.add(0, TrainingReason.of("not-today", kind.code()));
      kind = kind.demanding() ? Kind.EASY : kind.lighter();
    }
    return new Advice(kind, List.copyOf(reasons));
  }

  private static Kind byRules(@Nullable State state, Pattern pattern, List<TrainingReason> why) {
    Integer readiness = state == null ? null : state.readiness();
    if (readiness != null && readiness < REST_READINESS) {
      why.add(TrainingReason.of("readiness-low", readiness));
      return Kind.REST;
    }
    if (pattern.daysInARow() >= MAX_DAYS_IN_A_ROW) {
      why.add(TrainingReason.of("days-in-a-row", pattern.daysInARow()));
      return Kind.REST;
    }
    if (readiness != null && readiness < EASY_READINESS) {
      why.add(TrainingReason.of("readiness-moderate", readiness));
      return Kind.EASY;
    }
    if (state != null
        && state.acuteChronicRatio() != null
        && state.acuteChronicRatio() > SPIKE_RATIO) {
      why.add(TrainingReason.of("load-spike", round(state.acuteChronicRatio(), 2)));
      return Kind.EASY;
    }
    if (state != null && state.form() < TIRED_FORM) {
      why.add(TrainingReason.of("form-tired", round(state.form(), 1)));
      return Kind.EASY;
    }
    if (pattern.daysSinceDemanding() != null && pattern.daysSinceDemanding() < 2) {
      why.add(TrainingReason.of("recent-demanding", pattern.daysSinceDemanding()));
      return Kind.EASY;
    }
    if (state == null && pattern.workoutsInTwelveWeeks() == 0) {
      why.add(TrainingReason.of("no-history", 0));
      return Kind.EASY;
    }
    double form = state == null ? 0 : state.form();
    if (!pattern.longInLastWeek() && form >= LONG_FORM && pattern.workoutsInTwelveWeeks() > 0) {
      why.add(TrainingReason.of("no-long-this-week", round(form, 1)));
      return Kind.LONG;
    }
    boolean ratioOk =
        state == null
            || state.acuteChronicRatio() == null
            || state.acuteChronicRatio() <= HARD_RATIO;
    boolean ready = readiness != null ? readiness >= HARD_READINESS : form > 0;
    if (form >= HARD_FORM && ratioOk && ready) {
      why.add(TrainingReason.of("fresh", round(form, 1)));
      if (readiness != null) {
        why.add(TrainingReason.of("readiness-high", readiness));
      }
      return Kind.HARD;
    }
    why.add(TrainingReason.of("steady-base", round(form, 1)));
    return Kind.STEADY;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
