package io.stride.gamification.standing;

import io.stride.gamification.badges.EarnedBadge;
import io.stride.gamification.scoring.ScoredWorkout;
import io.stride.gamification.streaks.Streak;
import java.time.Instant;
import java.util.List;

/**
 * Everything an athlete's history earns: a pure function of it (ADR 0028).
 *
 * @param levelReachedAt the start of the workout whose points reached the level held; null at 1
 */
record Standing(
    List<ScoredWorkout> scores,
    long points,
    int level,
    Instant levelReachedAt,
    int workoutsCounted,
    Streak daily,
    Streak weekly,
    List<EarnedBadge> badges) {}
