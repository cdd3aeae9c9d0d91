package io.stride.auth.config;

import io.stride.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the firewall's refusals answer ({@code %2F}, {@code %2E}, {@code %25}, {@code ;}, {@code
 * //}, control characters in headers…): 400 {@code application/problem+json}, like every other
 * malformed request, instead of Spring Security's bare {@code sendError(400)} that the servlet
 * container's error page turns into a body of its own choosing.
 *
 * <p>Belongs in the platform (every service has the same firewall); it lives here until it moves.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);
  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    log.debug("Request rejected by the firewall: {}", e.getMessage());
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader("Cache-Control", "no-store");
    JSON.writeValue(
        response.getOutputStream(),
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "rejected-request",
            "Rejected request",
            "The request path or headers could be read in more than one way, so it was refused."));
  }
}
