package io.stride.auth.login;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Puts the {@link LoginThrottle} in front of password checking. */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final SignInOutcomes outcomes;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwords, LoginThrottle throttle, SignInOutcomes outcomes) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.outcomes = outcomes;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String account = attempt.getName();
    if (!LoginThrottle.couldBeAnAccount(account)) {
      // never stored, so nothing to throttle, and never sent to the database (a NUL would fail)
      outcomes.failed();
      throw new BadCredentialsException("Bad credentials");
    }
    String ip =
        attempt.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : "unknown";
    throttle
        .waitBefore(account, ip)
        .ifPresent(
            wait -> {
              outcomes.throttled();
              throw new LoginThrottledException(wait);
            });
    try {
      Authentication result = passwords.authenticate(attempt);
      throttle.recordSuccess(account);
      outcomes.succeeded();
      return result;
    } catch (BadCredentialsException e) {
      throttle.recordFailure(account, ip);
      outcomes.failed();
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
