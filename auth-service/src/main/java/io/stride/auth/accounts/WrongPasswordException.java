package io.stride.auth.accounts;

import io.stride.platform.web.Problems;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The re-entered password is not the account's: 403, saying no more than that (the caller is the
 * signed-in owner, so nothing about other accounts is at stake).
 */
class WrongPasswordException extends ErrorResponseException {

  WrongPasswordException() {
    super(HttpStatus.FORBIDDEN, problem(), null);
  }

  private static ProblemDetail problem() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "password: not this account's password; the account was not deleted.");
    problem.setType(URI.create(Problems.TYPE_BASE + "wrong-password"));
    problem.setTitle("Wrong password");
    return problem;
  }
}
