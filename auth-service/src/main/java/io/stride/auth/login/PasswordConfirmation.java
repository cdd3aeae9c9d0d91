package io.stride.auth.login;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A signed-in user re-entering their password before a grave account operation (deleting the
 * account). Throttled and counted exactly like sign-ins ({@link LoginThrottle}, same account key
 * and IP), so the operation is no way around the sign-in throttle for guessing passwords: failures
 * here slow down sign-ins too, and the other way round.
 */
@Component
public class PasswordConfirmation {

  private final LoginThrottle throttle;
  private final PasswordEncoder passwords;

  PasswordConfirmation(LoginThrottle throttle, PasswordEncoder passwords) {
    this.throttle = throttle;
    this.passwords = passwords;
  }

  /**
   * Checks {@code password} against the account's hash. Runs outside any transaction that may roll
   * back, so a recorded failure stays recorded.
   *
   * @param email the account's email (the throttle's account key)
   * @return whether the password is the account's
   * @throws PasswordConfirmationThrottledException while the account or the IP must wait
   */
  public boolean confirm(String email, String passwordHash, String password, String ip) {
    throttle
        .waitBefore(email, ip)
        .ifPresent(
            wait -> {
              throw new PasswordConfirmationThrottledException(wait);
            });
    if (password != null && passwords.matches(password, passwordHash)) {
      throttle.recordSuccess(email);
      return true;
    }
    throttle.recordFailure(email, ip);
    return false;
  }
}
