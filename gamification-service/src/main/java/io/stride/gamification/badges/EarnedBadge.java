package io.stride.gamification.badges;

import java.time.Instant;
import java.util.UUID;

/**
 * A badge an athlete's history earns.
 *
 * @param tier the step of a badge with steps (100 for 100 km), else 0
 * @param workoutId the workout that earned it
 * @param earnedAt when that workout started: the moment the athlete earned it, so a rebuild gives
 *     the same time
 */
public record EarnedBadge(String badge, int tier, String title, UUID workoutId, Instant earnedAt) {}
