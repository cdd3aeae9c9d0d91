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

  /**
   * Challenges as they are created, changed and deleted, and who joins and leaves them; key = the
   * challenge, so one challenge's changes and participants stay in order. For the services that
   * suggest challenges (recommendation-service).
   */
  public static final Topic CHALLENGES =
      Topic.of(
          "stride.gamification.challenges",
          "gamification-service",
          ChallengeChanged.class,
          ChallengeDeleted.class,
          ChallengeJoined.class,
          ChallengeLeft.class);

  private GamificationTopics() {}
}
