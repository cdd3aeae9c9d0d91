package io.stride.gamification.badges;

import io.stride.gamification.scoring.ScoredWorkout;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lifetime distance in a family of sports: a tier per milestone (in km), earned by the workout that
 * carried the total past it. Each family is a subclass naming its sports and milestones.
 */
abstract class DistanceMilestoneBadge implements BadgeRule {

  private final String family;
  private final String noun;
  private final Set<String> sports;
  private final List<Integer> kilometers;

  DistanceMilestoneBadge(String family, String noun, Set<String> sports, List<Integer> kilometers) {
    this.family = family;
    this.noun = noun;
    this.sports = Set.copyOf(sports);
    this.kilometers = List.copyOf(kilometers);
  }

  @Override
  public String name() {
    return "distance_" + family;
  }

  @Override
  public String description() {
    return "Lifetime distance "
        + noun
        + " ("
        + String.join(", ", sports.stream().sorted().toList())
        + "), in km: one tier per milestone";
  }

  @Override
  public List<Integer> tiers() {
    return kilometers;
  }

  @Override
  public List<EarnedBadge> earned(BadgeContext context) {
    List<EarnedBadge> earned = new ArrayList<>();
    double meters = 0;
    int next = 0;
    for (ScoredWorkout workout : context.counted()) {
      if (!sports.contains(workout.workout().sport())) {
        continue;
      }
      meters += workout.workout().distanceOrZero();
      while (next < kilometers.size() && meters >= kilometers.get(next) * 1000.0) {
        int km = kilometers.get(next++);
        earned.add(BadgeContext.earnedBy(name(), km, km + " km " + noun, workout));
      }
    }
    return earned;
  }
}
