package io.stride.gamification.badges;

import java.util.List;

/**
 * One badge: its wire name, what earns it, and, for a badge with steps, its tiers. A rule is a pure
 * function of the athlete's history ({@link BadgeContext}), so a rebuild earns the same badges with
 * the same workouts and times. Adding a badge is one class implementing this (a Spring component)
 * and its test.
 */
public interface BadgeRule {

  /** The wire name, snake case: {@code early_bird}. */
  String name();

  /** What earns it, in a sentence (served by {@code GET /api/v1/gamification/badges}). */
  String description();

  /** Its steps, lowest first; empty for a badge without steps (tier 0). */
  default List<Integer> tiers() {
    return List.of();
  }

  /** Every tier of it the history earns, each with the workout that earned it. */
  List<EarnedBadge> earned(BadgeContext context);
}
