package io.stride.gamification.badges;

import io.stride.gamification.streaks.Streak;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A tier per streak length reached, earned by the workout whose day (or week) reached it. */
abstract class StreakMilestoneBadge implements BadgeRule {

  private final String kind;
  private final String unit;
  private final List<Integer> lengths;
  private final Function<BadgeContext, Streak> streak;

  StreakMilestoneBadge(
      String kind, String unit, List<Integer> lengths, Function<BadgeContext, Streak> streak) {
    this.kind = kind;
    this.unit = unit;
    this.lengths = List.copyOf(lengths);
    this.streak = streak;
  }

  @Override
  public String name() {
    return "streak_" + kind;
  }

  @Override
  public String description() {
    return "A " + kind + " streak of this many " + unit + "s: one tier per length";
  }

  @Override
  public List<Integer> tiers() {
    return lengths;
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    List<EarnedBadge> earned = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Streak.Reached reached : streak.apply(context).milestones()) {
      if (lengths.contains(reached.length()) && seen.add(reached.length())) {
        earned.add(
            context.earnedBy(
                name(),
                reached.length(),
                reached.length() + "-" + unit + " streak",
                reached.workoutId()));
      }
    }
    return earned;
  }
}
