package io.stride.auth.login;

import io.stride.platform.http.RetryAfter;
import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: the attempt is refused without checking the password. */
class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins. Try again in " + RetryAfter.seconds(retryAfter) + " s.");
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
