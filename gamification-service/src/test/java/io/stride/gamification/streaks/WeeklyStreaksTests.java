package io.stride.gamification.streaks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WeeklyStreaksTests {

  @Test
  void consecutiveWeeksWithAWorkoutMakeOneRunWhateverDayItFellOn() {
    // Monday 1 June, Sunday 14 June, Wednesday 17 June 2026
    Streak streak = WeeklyStreaks.of(DailyStreaksTests.days(0, 13, 16), DayOfWeek.MONDAY);

    assertThat(streak.length()).isEqualTo(3);
    assertThat(streak.start()).isEqualTo(LocalDate.parse("2026-06-01"));
    assertThat(streak.last()).isEqualTo(LocalDate.parse("2026-06-15"));
  }

  @Test
  void aWeekWithoutAWorkoutBreaksTheRun() {
    Streak streak = WeeklyStreaks.of(DailyStreaksTests.days(0, 7, 21), DayOfWeek.MONDAY);

    assertThat(streak.length()).isEqualTo(1);
    assertThat(streak.longest()).isEqualTo(2);
  }

  @Test
  void weeksStartOnTheRegionsFirstDay() {
    // Saturday 6 June and Sunday 7 June 2026: one week from Monday, two from Sunday
    assertThat(WeeklyStreaks.of(DailyStreaksTests.days(5, 6), DayOfWeek.MONDAY).length())
        .isEqualTo(1);
    assertThat(WeeklyStreaks.of(DailyStreaksTests.days(5, 6), DayOfWeek.SUNDAY).length())
        .isEqualTo(2);
  }
}
