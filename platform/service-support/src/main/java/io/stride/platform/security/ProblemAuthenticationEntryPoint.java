package io.stride.platform.security;

import io.stride.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem+json, keeping the RFC 6750 {@code WWW-Authenticate} header that OAuth2
 * clients read.
 */
public final class ProblemAuthenticationEntryPoint
    implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearerEntryPoint.commence(request, response, e);
    write(
        response,
        Problems.problem(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            "A valid access token is required: " + e.getMessage()));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    bearerDenied.handle(request, response, e);
    write(
        response,
        Problems.problem(
            HttpStatus.FORBIDDEN,
            "insufficient-scope",
            "Forbidden",
            "The access token does not grant this operation (missing scope or role, or not a user"
                + " token)."));
  }

  private static void write(HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
