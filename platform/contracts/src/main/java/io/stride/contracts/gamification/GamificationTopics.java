package io.stride.contracts.gamification;

import io.stride.contracts.Topic;

/** Topics written by gamification-service. */
public final class GamificationTopics {

  /**
   * An athlete's progress: badges, levels, streaks, completed challenges; key = user id, so one
   * athlete's stay in order.
   */
  public static final Topic PROGRESS =
      Topic.of(
          "stride.gamification.progress",
          "gamification-service",
          BadgeAwarded.class,
          LevelReached.class,
          StreakExtended.class,
          ChallengeCompleted.class);

  private GamificationTopics() {}
}
