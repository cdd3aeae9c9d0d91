package io.stride.analytics.fitness;

import io.stride.analytics.readings.RestingHeartRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The daily readiness score of docs/analytics.md, "Readiness": 70 points, moved by form, by the
 * acute:chronic workload ratio and by the resting heart rate against the athlete's own baseline,
 * clamped to 0..100; each move is a reason that names its number. It reads the state the athlete
 * goes into the day with (the end of the day before): today's training does not change today's
 * advice.
 *
 * @param score 0–100, null before 14 days of history
 * @param level {@code ready} (75 and up), {@code moderate} (50–74), {@code rest} (below 50), or
 *     {@code unknown}
 */
public record Readiness(@Nullable Integer score, String level, List<Reason> reasons) {

  static final int BASE = 70;
  static final int HISTORY_DAYS = 14;

  /**
   * One thing that moved the score.
   *
   * @param code stable, for programs ({@code form-fresh}, {@code load-spike} …)
   * @param points what it added or took
   * @param value the number behind it (form, the ratio, beats per minute above the baseline)
   * @param text the sentence for the athlete
   */
  public record Reason(String code, int points, @Nullable Double value, String text) {}

  /**
   * The score for a day whose eve had {@code fitness}, {@code fatigue} and {@code ratio}, with
   * {@code historyDays} of training behind it and the resting heart rate where known.
   */
  public static Readiness of(
      double fitness,
      double fatigue,
      @Nullable Double ratio,
      long historyDays,
      @Nullable RestingHeartRate resting) {
    if (historyDays < HISTORY_DAYS) {
      return new Readiness(
          null,
          "unknown",
          List.of(
              new Reason(
                  "not-enough-history",
                  0,
                  (double) historyDays,
                  String.format(
                      Locale.ROOT,
                      "Readiness needs %d days of training history; you have %d.",
                      HISTORY_DAYS,
                      historyDays))));
    }
    List<Reason> reasons = new ArrayList<>();
    reasons.add(form(fitness, fatigue));
    reasons.add(ratio(ratio));
    reasons.add(resting(resting));
    int score = BASE + reasons.stream().mapToInt(Reason::points).sum();
    score = Math.max(0, Math.min(100, score));
    String level = score >= 75 ? "ready" : score >= 50 ? "moderate" : "rest";
    return new Readiness(score, level, List.copyOf(reasons));
  }

  static Reason form(double fitness, double fatigue) {
    double form = round(fitness - fatigue);
    String numbers =
        String.format(
            Locale.ROOT,
            "form %+.1f (fitness %.1f, fatigue %.1f)",
            form,
            round(fitness),
            round(fatigue));
    if (form >= 5) {
      return new Reason(
          "form-fresh", 15, form, "You are fresh: " + numbers + ". A good day for a hard session.");
    }
    if (form >= -10) {
      return new Reason(
          "form-balanced", 0, form, "Your " + numbers + " is balanced: training as usual is fine.");
    }
    if (form >= -30) {
      return new Reason(
          "form-fatigued",
          -15,
          form,
          "You carry fatigue: " + numbers + ". Keep today easy or short.");
    }
    return new Reason(
        "form-very-fatigued",
        -30,
        form,
        "You are very fatigued: " + numbers + ". Rest or recover today.");
  }

  static Reason ratio(@Nullable Double ratio) {
    if (ratio == null) {
      return new Reason(
          "load-ratio-unknown",
          0,
          null,
          "Your acute:chronic load ratio needs 28 days of history; it is left out.");
    }
    double r = Math.round(ratio * 100) / 100.0;
    String times = String.format(Locale.ROOT, "%.2f", r);
    if (r > 1.5) {
      return new Reason(
          "load-spike",
          -20,
          r,
          "Your last week's load is "
              + times
              + " times your usual: a spike like this raises the risk of injury.");
    }
    if (r > 1.3) {
      return new Reason(
          "load-rising",
          -10,
          r,
          "Your last week's load is " + times + " times your usual: rising fast; build gradually.");
    }
    if (r < 0.8) {
      return new Reason(
          "load-low",
          0,
          r,
          "Your last week's load is " + times + " times your usual: below it, room for more.");
    }
    return new Reason(
        "load-steady",
        5,
        r,
        "Your last week's load is " + times + " times your usual: a steady build.");
  }

  static Reason resting(@Nullable RestingHeartRate resting) {
    if (resting == null) {
      return new Reason(
          "resting-hr-unknown",
          0,
          null,
          "No resting heart rate from the last two days against a 28-day baseline; it is left out.");
    }
    double above = Math.round((resting.today() - resting.baseline()) * 10) / 10.0;
    String numbers =
        String.format(
            Locale.ROOT,
            "%d bpm, %+.1f against your 28-day baseline of %.1f",
            resting.today(),
            above,
            resting.baseline());
    if (above >= 7) {
      return new Reason(
          "resting-hr-high",
          -20,
          above,
          "Your resting heart rate is " + numbers + ": a sign of strain, illness or poor sleep.");
    }
    if (above >= 4) {
      return new Reason(
          "resting-hr-up",
          -10,
          above,
          "Your resting heart rate is " + numbers + ": slightly up; listen to your body.");
    }
    return new Reason(
        "resting-hr-normal", 5, above, "Your resting heart rate is " + numbers + ": normal.");
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
