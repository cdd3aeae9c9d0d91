package io.stride.gamification.badges;

import static io.stride.gamification.scoring.Workouts.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.gamification.scoring.WorkoutFact;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreakBadgesTests {

  @Test
  void theSeventhDayOfADailyStreakEarnsTheSevenDayTier() {
    List<WorkoutFact> week = everyDay(8);

    assertThat(new DailyStreakBadge().earned(Histories.of(week.toArray(WorkoutFact[]::new))))
        .singleElement()
        .satisfies(
            badge -> {
              assertThat(badge.badge()).isEqualTo("streak_daily");
              assertThat(badge.tier()).isEqualTo(7);
              assertThat(badge.workoutId()).isEqualTo(week.get(6).workoutId());
            });
  }

  @Test
  void theFourthWeekInARowEarnsTheFourWeekTier() {
    List<WorkoutFact> weeks = new ArrayList<>();
    Instant monday = Instant.parse("2026-06-01T09:00:00Z");
    for (int w = 0; w < 4; w++) {
      weeks.add(run(monday.plus(7L * w, ChronoUnit.DAYS)));
    }

    assertThat(new WeeklyStreakBadge().earned(Histories.of(weeks.toArray(WorkoutFact[]::new))))
        .extracting(EarnedBadge::tier, EarnedBadge::workoutId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4, weeks.get(3).workoutId()));
  }

  @Test
  void aTierReachedTwiceIsEarnedOnceByTheFirstRun() {
    List<WorkoutFact> two = new ArrayList<>(everyDay(7));
    Instant later = Instant.parse("2026-07-01T09:00:00Z");
    for (int d = 0; d < 7; d++) {
      two.add(run(later.plus(d, ChronoUnit.DAYS)));
    }

    assertThat(new DailyStreakBadge().earned(Histories.of(two.toArray(WorkoutFact[]::new))))
        .extracting(EarnedBadge::workoutId)
        .containsExactly(two.get(6).workoutId());
  }

  private static List<WorkoutFact> everyDay(int days) {
    List<WorkoutFact> runs = new ArrayList<>();
    Instant first = Instant.parse("2026-06-01T09:00:00Z");
    for (int d = 0; d < days; d++) {
      runs.add(run(first.plus(d, ChronoUnit.DAYS)));
    }
    return runs;
  }
}
