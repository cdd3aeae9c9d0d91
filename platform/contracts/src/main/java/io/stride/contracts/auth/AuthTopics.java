package io.stride.contracts.auth;

import io.stride.contracts.Topic;

/** Topics written by auth-service. */
public final class AuthTopics {

  /** Account lifecycle (registration, erasure); key = user id. */
  public static final Topic USERS =
      Topic.of("stride.auth.users", "auth-service", UserRegistered.class, UserDeleted.class);

  /**
   * Emails auth-service needs sent (password reset links); key = user id. The only topic that
   * carries contact data and secrets: read by notification-service alone.
   */
  public static final Topic ACCOUNT_EMAILS =
      Topic.of("stride.auth.account-emails", "auth-service", PasswordResetRequested.class);

  private AuthTopics() {}
}
