package io.stride.platform.web;

import io.stride.platform.web.InvalidRequestException.FieldError;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 problem documents every Stride service answers errors with. */
public final class Problems {

  public static final String TYPE_BASE = "https://stride.dev/problems/";

  private Problems() {}

  public static ProblemDetail problem(
      HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  public static ProblemDetail invalid(HttpStatusCode status, List<FieldError> errors) {
    String detail =
        errors.stream()
            .map(error -> error.field() + ": " + error.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The request is not valid.");
    ProblemDetail problem = problem(status, "invalid-request", "Invalid request", detail);
    problem.setProperty("errors", errors);
    return problem;
  }
}
