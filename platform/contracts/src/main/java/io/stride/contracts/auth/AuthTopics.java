package io.stride.contracts.auth;

import io.stride.contracts.Topic;

/** Topics written by auth-service. */
public final class AuthTopics {

  /** Account lifecycle (registration, erasure); key = user id. */
  public static final Topic USERS =
      Topic.of("stride.auth.users", "auth-service", UserRegistered.class, UserDeleted.class);

  private AuthTopics() {}
}
