package io.stride.gamification.leaderboards;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/**
 * The names of boards (ADR 0029): {@code challenge:<id>}, and for each sport and ISO week (Monday
 * to Sunday, on each athlete's own clock) {@code weekly:<sport>:<monday>}, its {@code
 * :region:<code>} and {@code :club:<id>} variants.
 */
public final class BoardNames {

  private BoardNames() {}

  public static String challenge(UUID challengeId) {
    return "challenge:" + challengeId;
  }

  static String weekly(String sport, LocalDate anyDayOfWeek) {
    return "weekly:" + sport + ":" + monday(anyDayOfWeek);
  }

  static String weeklyInRegion(String sport, LocalDate anyDayOfWeek, String region) {
    return weekly(sport, anyDayOfWeek) + ":region:" + region;
  }

  static String weeklyInClub(String sport, LocalDate anyDayOfWeek, UUID clubId) {
    return weekly(sport, anyDayOfWeek) + ":club:" + clubId;
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
