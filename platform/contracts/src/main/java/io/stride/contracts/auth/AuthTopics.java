package io.stride.contracts.auth;

/** Topics written by auth-service. */
public final class AuthTopics {

  /** Account lifecycle: {@link UserRegistered}; key = user id. */
  public static final String USERS = "stride.auth.users";

  private AuthTopics() {}
}
