package io.stride.platform.web;

import io.stride.platform.web.InvalidRequestException.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds the RFC 9457 problem documents every Stride service answers errors with. */
public final class Problems {

  public static final String TYPE_BASE = "https://stride.dev/problems/";

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

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

  /**
   * Writes {@code problem} as the response, for code that answers before Spring MVC (filters,
   * security handlers, the servlet container's error reports).
   */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }

  /** The problem document as JSON text. */
  static String json(ProblemDetail problem) {
    return JSON.writeValueAsString(problem);
  }
}
