package io.stride.contracts.auth;

import io.stride.contracts.Topic;

/** Topics written by auth-service. */
public final class AuthTopics {

  /**
   * Account lifecycle (registration, erasure) and its security facts (a device or an app linked or
   * disconnected, the password changed); key = user id.
   */
  public static final Topic USERS =
      Topic.of(
          "stride.auth.users",
          "auth-service",
          UserRegistered.class,
          UserDeleted.class,
          DeviceLinked.class,
          AppDisconnected.class,
          PasswordChanged.class);

  /**
   * Contact data and the emails auth-service needs sent (verification and password reset links);
   * key = user id. The only topic that carries email addresses and secrets: read by
   * notification-service alone.
   */
  public static final Topic ACCOUNT_EMAILS =
      Topic.of(
          "stride.auth.account-emails",
          "auth-service",
          AccountContactChanged.class,
          EmailVerificationRequested.class,
          PasswordResetRequested.class);

  private AuthTopics() {}
}
