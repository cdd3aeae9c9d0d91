package io.stride.platform.events;

/**
 * Names of a consumer's dead-letter topic and of the consumer group that replays it. Each consuming
 * service parks on its own topic, so one service's parked events are neither replayed nor counted
 * by another.
 */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * {@code stride.auth.users} consumed by profile-service → {@code
   * stride.auth.users.profile-service.dlt}.
   */
  public static String topicFor(String topic, String consumer) {
    return topic + "." + consumer + ".dlt";
  }

  /** The group whose committed offsets mark what has been replayed. */
  public static String replayGroup(String consumer) {
    return consumer + ".dead-letter-replay";
  }
}
