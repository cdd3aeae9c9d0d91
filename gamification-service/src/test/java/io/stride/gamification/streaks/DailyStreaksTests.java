package io.stride.gamification.streaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DailyStreaksTests {

  private static final LocalDate MONDAY = LocalDate.parse("2026-06-01");

  @Test
  void consecutiveDaysMakeOneRun() {
    Streak streak = DailyStreaks.of(days(0, 1, 2), day -> false);

    assertThat(streak.length()).isEqualTo(3);
    assertThat(streak.start()).isEqualTo(MONDAY);
    assertThat(streak.last()).isEqualTo(MONDAY.plusDays(2));
  }

  @Test
  void aMissedDayWithoutATokenStartsANewRunAndTheLongestIsKept() {
    Streak streak = DailyStreaks.of(days(0, 1, 2, 4), day -> false);

    assertThat(streak.length()).isEqualTo(1);
    assertThat(streak.longest()).isEqualTo(3);
  }

  @Test
  void sevenDaysEarnATokenThatCoversOneMissedDay() {
    Streak streak = DailyStreaks.of(days(0, 1, 2, 3, 4, 5, 6, 8), day -> false);

    assertThat(streak.length()).isEqualTo(8);
    assertThat(streak.freezeTokens()).isZero();
  }

  @Test
  void aGapLongerThanTheTokensHeldSpendsThemAll() {
    Streak streak = DailyStreaks.of(days(0, 1, 2, 3, 4, 5, 6, 9), day -> false);

    assertThat(streak.length()).isEqualTo(1);
    assertThat(streak.freezeTokens()).isZero();
  }

  @Test
  void noMoreThanTwoTokensAreHeld() {
    int[] month = new int[28];
    for (int i = 0; i < month.length; i++) {
      month[i] = i;
    }

    assertThat(DailyStreaks.of(days(month), day -> false).freezeTokens())
        .isEqualTo(DailyStreaks.MAX_TOKENS);
  }

  @Test
  void aRestDayLeavesTheRunIntactWithoutSpendingAToken() {
    LocalDate holiday = MONDAY.plusDays(1);

    Streak streak = DailyStreaks.of(days(0, 2), Set.of(holiday)::contains);

    assertThat(streak.length()).isEqualTo(2);
  }

  @Test
  void aLateUploadOfAnOlderDayJoinsTwoRunsIntoOne() {
    Streak before = DailyStreaks.of(days(0, 1, 3, 4), day -> false);
    Streak after = DailyStreaks.of(days(0, 1, 2, 3, 4), day -> false);

    assertThat(before.length()).isEqualTo(2);
    assertThat(after.length()).isEqualTo(5);
    assertThat(after.start()).isEqualTo(MONDAY);
  }

  @Test
  void everyLengthReachedIsRememberedWithTheWorkoutThatReachedIt() {
    SortedMap<LocalDate, UUID> days = days(0, 1);

    Streak streak = DailyStreaks.of(days, day -> false);

    assertThat(streak.milestones())
        .extracting(Streak.Reached::length, Streak.Reached::workoutId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, days.get(MONDAY)),
            org.assertj.core.groups.Tuple.tuple(2, days.get(MONDAY.plusDays(1))));
  }

  static SortedMap<LocalDate, UUID> days(int... offsets) {
    SortedMap<LocalDate, UUID> days = new TreeMap<>();
    for (int offset : offsets) {
      days.put(MONDAY.plusDays(offset), UUID.randomUUID());
    }
    return days;
  }
}
