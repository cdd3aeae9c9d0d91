package io.stride.auth.config;

import io.stride.platform.web.InputBounds;
import io.stride.platform.web.InvalidRequestException.FieldError;
import io.stride.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the platform's text rule ({@link InputBounds#textProblem}: no control characters but tab,
 * CR and LF) to every query and form parameter before anything reads it, and refuses a request that
 * breaks it with 400. The platform checks parameters where controllers bind them; here Spring
 * Security's sign-in form and Spring Authorization Server read parameters long before any
 * controller, and PostgreSQL fails on a NUL in text, which surfaced as a 500 wherever a parameter
 * reached a query (tokens, device codes and codes are looked up as they arrive).
 *
 * <p>The problem document also carries {@code error: invalid_request}, so OAuth clients read the
 * RFC 6749 error code they expect. It names the parameter, never its value.
 */
final class ControlCharacterParametersFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String problem = InputBounds.textProblem(parameter.getKey());
      for (String value : parameter.getValue()) {
        problem = problem != null ? problem : InputBounds.textProblem(value);
      }
      if (problem != null) {
        refuse(response, new FieldError(parameter.getKey(), problem));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, FieldError error) throws IOException {
    ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, List.of(error));
    problem.setProperty("error", "invalid_request");
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
