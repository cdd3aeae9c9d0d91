package io.stride.platform.security;

import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} and {@link Caller} parameters from the authenticated JWT. */
final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

  static final String USER_ID_CLAIM = "uid";

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CurrentUser.class
        || parameter.getParameterType() == Caller.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken jwt)) {
      throw new AccessDeniedException("This endpoint needs an access token.");
    }
    String uid = jwt.getToken().getClaimAsString(USER_ID_CLAIM);
    if (parameter.getParameterType() == Caller.class) {
      String clientId = jwt.getToken().getClaimAsString("client_id");
      return new Caller(
          uid == null ? null : UUID.fromString(uid), clientId != null ? clientId : jwt.getName());
    }
    if (uid != null) {
      return new CurrentUser(UUID.fromString(uid));
    }
    throw new AccessDeniedException(
        "This endpoint acts for a user; the token belongs to a client.");
  }
}
