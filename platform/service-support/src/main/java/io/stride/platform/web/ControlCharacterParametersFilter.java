package io.stride.platform.web;

import io.stride.platform.web.InvalidRequestException.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the text rule ({@link InputBounds#textProblem}: no control characters but tab, CR and LF)
 * to the decoded request path and to every query and form parameter, names and values, before
 * Spring Security or a controller reads them: 400 problem+json naming the parameter (or {@code
 * path}), never its value. Framework code reads parameters long before any controller binds them (a
 * sign-in form, OAuth endpoints), and PostgreSQL fails on a NUL in text.
 *
 * <p>Registered for every servlet service, just before Spring Security; a service may register its
 * own instance (e.g. auth adds OAuth's {@code error: invalid_request} to the problem).
 */
public final class ControlCharacterParametersFilter extends OncePerRequestFilter
    implements Ordered {

  /** After the character encoding filter (parameters decode as UTF-8), before security. */
  public static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;

  private final Consumer<ProblemDetail> refinement;

  public ControlCharacterParametersFilter() {
    this(problem -> {});
  }

  /** With {@code refinement} applied to every refusal's problem document before it is written. */
  public ControlCharacterParametersFilter(Consumer<ProblemDetail> refinement) {
    this.refinement = refinement;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    FieldError refused = refused(request);
    if (refused != null) {
      ProblemDetail problem = Problems.invalid(HttpStatus.BAD_REQUEST, List.of(refused));
      refinement.accept(problem);
      response.setHeader("Cache-Control", "no-store");
      Problems.write(response, problem);
      return;
    }
    chain.doFilter(request, response);
  }

  private static FieldError refused(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() != null ? request.getPathInfo() : "");
    String pathProblem = InputBounds.textProblem(path);
    if (pathProblem != null) {
      return new FieldError("path", pathProblem);
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (IllegalStateException unreadable) {
      // Tomcat could not parse them (a multipart body without boundary, an upload over the limit,
      // a malformed query): nobody can read them, and what reads them next (the multipart
      // resolver, a controller) fails the same way with its own, more specific answer
      return null;
    }
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      String nameProblem = InputBounds.textProblem(parameter.getKey());
      if (nameProblem != null) {
        return new FieldError("parameter name", nameProblem);
      }
      for (String value : parameter.getValue()) {
        String problem = InputBounds.textProblem(value);
        if (problem != null) {
          return new FieldError(parameter.getKey(), problem);
        }
      }
    }
    return null;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
