package io.stride.contracts.profile;

import io.stride.contracts.Topic;

/** Topics written by profile-service. */
public final class ProfileTopics {

  /** Profile changes; key = user id. */
  public static final Topic PROFILES =
      Topic.of("stride.profile.profiles", "profile-service", ProfileUpdated.class);

  private ProfileTopics() {}
}
