package io.stride.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.stride.auth.web.ErrorPages;
import io.stride.platform.http.RetryAfter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Builds the pieces of the form login: throttled password check and its failure answers. */
@Component
public class LoginSecurity {

  /** The session attribute holding the email of the last failed sign-in, for the form. */
  static final String FAILED_EMAIL = "stride.login.failedEmail";

  private final LoginThrottle throttle;
  private final MeterRegistry meters;

  LoginSecurity(LoginThrottle throttle, MeterRegistry meters) {
    this.throttle = throttle;
    this.meters = meters;
  }

  public AuthenticationProvider authenticationProvider(
      UserDetailsService users, UserDetailsPasswordService upgrades, PasswordEncoder passwords) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(passwords);
    dao.setUserDetailsPasswordService(upgrades);
    return new ThrottledAuthenticationProvider(dao, throttle, SignInOutcomes.counting(meters));
  }

  /** Wrong password: back to the form. Throttled: 429 with Retry-After, and the form says why. */
  public AuthenticationFailureHandler failureHandler() {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException throttled) {
        long seconds = RetryAfter.seconds(throttled.retryAfter());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute(
            ErrorPages.DETAIL,
            "Too many sign-in attempts for this account. Try again in " + seconds + " seconds.");
        response.sendError(429);
        return;
      }
      String email = request.getParameter("username");
      if (email != null && LoginThrottle.couldBeAnAccount(email)) {
        request.getSession().setAttribute(FAILED_EMAIL, email);
      }
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Location", "/login?error");
    };
  }
}
