package io.stride.contracts.social;

import io.stride.contracts.Topic;

/** Topics written by social-service. */
public final class SocialTopics {

  /**
   * Who follows, requests to follow and blocks whom. Key = the athlete the change is about (the one
   * followed, or the one who blocks), so the changes of one athlete's followers stay in order.
   * Every event carries the pair's {@code version}: a consumer applies it only when newer than the
   * last it applied for that pair, so a replayed old event changes nothing.
   */
  public static final Topic GRAPH =
      Topic.of(
          "stride.social.graph",
          "social-service",
          FollowRequested.class,
          Followed.class,
          Unfollowed.class,
          Blocked.class,
          Unblocked.class);

  /**
   * Kudos and comments on workouts; key = the workout, so one workout's interactions stay in order.
   * For notifications (the owner, the mentioned) and gamification.
   */
  public static final Topic INTERACTIONS =
      Topic.of(
          "stride.social.interactions", "social-service", KudosGiven.class, CommentAdded.class);

  /**
   * Clubs and their memberships; key = the club, so one club's changes, joins and departures stay
   * in order.
   */
  public static final Topic CLUBS =
      Topic.of(
          "stride.social.clubs",
          "social-service",
          ClubUpdated.class,
          ClubJoined.class,
          ClubLeft.class,
          ClubRoleChanged.class);

  private SocialTopics() {}
}
