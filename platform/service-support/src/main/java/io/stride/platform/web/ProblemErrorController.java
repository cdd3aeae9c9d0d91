package io.stride.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}, where a {@code sendError} outside Spring MVC
 * ends up) answers problem+json like everything else, instead of Boot's {@code
 * {timestamp,status,error,path}} JSON or its HTML page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

  @RequestMapping
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return ResponseEntity.status(status != null ? status : HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem(status));
  }

  /** The problem for an error the application did not describe itself. */
  static ProblemDetail problem(HttpStatus status) {
    if (status == null || status == HttpStatus.NOT_FOUND) {
      return Problems.problem(
          HttpStatus.NOT_FOUND, "not-found", "Not found", "There is nothing here.");
    }
    if (status == HttpStatus.BAD_REQUEST) {
      return Problems.problem(
          status,
          "malformed-request",
          "Malformed request",
          "The request cannot be read: its path, parameters or headers are not well-formed.");
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
