package io.stride.auth.login;

import io.stride.platform.http.RetryAfter;
import io.stride.platform.web.Problems;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many wrong passwords for the account or from the IP: 429 with Retry-After, unchecked. */
public class PasswordConfirmationThrottledException extends ErrorResponseException {

  PasswordConfirmationThrottledException(Duration wait) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(wait), null);
    getHeaders().set(HttpHeaders.RETRY_AFTER, RetryAfter.header(wait));
  }

  private static ProblemDetail problem(Duration wait) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many wrong passwords. Try again in " + RetryAfter.seconds(wait) + " s.");
    problem.setType(URI.create(Problems.TYPE_BASE + "too-many-attempts"));
    problem.setTitle("Too many attempts");
    return problem;
  }
}
