package io.stride.analytics.load;

import io.stride.analytics.athletes.Athlete;
import java.time.Period;
import java.util.List;

/**
 * The training-load formulas of docs/analytics.md, "Training load"; pure functions, each worked
 * example of the document is a unit test.
 */
public final class TrainingLoads {

  /** Banister's weighting for men: {@code 0.64 · e^(1.92 · ΔHR)}. */
  static final double MALE_K = 0.64;

  static final double MALE_B = 1.92;

  /** Banister's weighting for women: {@code 0.86 · e^(1.67 · ΔHR)}. */
  static final double FEMALE_K = 0.86;

  static final double FEMALE_B = 1.67;

  /** The intensity factor of each zone (its middle, relative to the threshold heart rate). */
  static final double[] ZONE_INTENSITY = {0.60, 0.75, 0.85, 0.95, 1.05};

  /** Session RPE of an hour at threshold (RPE 7, "very hard"), which scores 100 like hrTSS. */
  static final double RPE_HOUR_AT_THRESHOLD = 60 * 7;

  /** Resting heart rate assumed when the profile has none. */
  static final int DEFAULT_RESTING_HEART_RATE = 60;

  /** Maximum heart rate assumed when the profile has neither it nor a birth date. */
  static final int DEFAULT_MAX_HEART_RATE = 190;

  private TrainingLoads() {}

  /** Every load the workout allows and the one the model uses. */
  public static TrainingLoad of(LoadInput workout, Athlete athlete) {
    Double trimp = trimp(workout, athlete);
    Double hrTss = hrTss(workout.zoneSeconds());
    Double sessionRpe =
        workout.perceivedEffort() == null
            ? null
            : round(workout.durationSeconds() / 60.0 * workout.perceivedEffort());
    if (hrTss != null) {
      return new TrainingLoad(trimp, hrTss, sessionRpe, hrTss, LoadMethod.HR_ZONES);
    }
    if (trimp != null) {
      return new TrainingLoad(trimp, null, sessionRpe, trimp, LoadMethod.TRIMP);
    }
    if (sessionRpe != null) {
      return new TrainingLoad(
          null,
          null,
          sessionRpe,
          round(sessionRpe * 100 / RPE_HOUR_AT_THRESHOLD),
          LoadMethod.SESSION_RPE);
    }
    return new TrainingLoad(null, null, null, 0, LoadMethod.NONE);
  }

  /**
   * Banister TRIMP: {@code minutes · ΔHR · k · e^(b · ΔHR)} with {@code ΔHR = (avg − rest) / (max −
   * rest)} clamped to 0..1; k and b by sex, the mean of both curves where the sex is not male or
   * female. Null without an average heart rate.
   */
  static Double trimp(LoadInput workout, Athlete athlete) {
    if (workout.averageHeartRate() == null || workout.durationSeconds() <= 0) {
      return null;
    }
    int rest = restingHeartRate(athlete);
    int max = maxHeartRate(athlete, workout);
    if (max <= rest) {
      return null;
    }
    double reserve = (workout.averageHeartRate() - rest) / (double) (max - rest);
    double delta = Math.max(0, Math.min(1, reserve));
    double minutes = workout.durationSeconds() / 60.0;
    double male = MALE_K * Math.exp(MALE_B * delta);
    double female = FEMALE_K * Math.exp(FEMALE_B * delta);
    double weight =
        switch (athlete.sex() == null ? "" : athlete.sex()) {
          case "MALE" -> male;
          case "FEMALE" -> female;
          default -> (male + female) / 2;
        };
    return round(minutes * delta * weight);
  }

  /**
   * The zone score: {@code Σ hours in zone z · 100 · IF_z²}; an hour at an intensity factor of 1
   * scores 100. Null without five zones or without any time in them.
   */
  static Double hrTss(List<Double> zoneSeconds) {
    if (zoneSeconds == null || zoneSeconds.size() != ZONE_INTENSITY.length) {
      return null;
    }
    double score = 0;
    double seconds = 0;
    for (int z = 0; z < ZONE_INTENSITY.length; z++) {
      double inZone = zoneSeconds.get(z) == null ? 0 : Math.max(0, zoneSeconds.get(z));
      seconds += inZone;
      score += inZone / 3600 * 100 * ZONE_INTENSITY[z] * ZONE_INTENSITY[z];
    }
    return seconds > 0 ? round(score) : null;
  }

  static int restingHeartRate(Athlete athlete) {
    return athlete.restingHeartRate() != null
        ? athlete.restingHeartRate()
        : DEFAULT_RESTING_HEART_RATE;
  }

  /** The profile's maximum; else Tanaka's {@code 208 − 0.7 · age}; else 190. */
  static int maxHeartRate(Athlete athlete, LoadInput workout) {
    if (athlete.maxHeartRate() != null) {
      return athlete.maxHeartRate();
    }
    if (athlete.birthDate() != null && athlete.birthDate().isBefore(workout.day())) {
      int age = Period.between(athlete.birthDate(), workout.day()).getYears();
      return (int) Math.round(208 - 0.7 * age);
    }
    return DEFAULT_MAX_HEART_RATE;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
