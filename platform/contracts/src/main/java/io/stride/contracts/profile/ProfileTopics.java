package io.stride.contracts.profile;

/** Topics written by profile-service. */
public final class ProfileTopics {

  /** Profile changes: {@link ProfileUpdated}; key = user id. */
  public static final String PROFILES = "stride.profile.profiles";

  private ProfileTopics() {}
}
