package io.stride.platform.security;

import io.stride.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What the firewall's refusals answer ({@code %2F}, {@code %2E}, {@code %25}, {@code ;}, {@code
 * //}, control characters in headers…): 400 {@code application/problem+json}, like every other
 * malformed request, instead of Spring Security's bare {@code sendError(400)}.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemRequestRejectedHandler.class);

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    log.debug("Request rejected by the firewall: {}", e.getMessage());
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setHeader("Cache-Control", "no-store");
    Problems.write(
        response,
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "rejected-request",
            "Rejected request",
            "The request path or headers could be read in more than one way, so it was refused."));
  }
}
