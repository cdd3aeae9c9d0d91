package io.stride.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Which token each documented operation needs, read from the security chains that enforce it, so
 * the document cannot claim one thing while the service checks another: every operation is put to
 * the chain as an anonymous caller, as a token without scopes and as a token with each known scope.
 *
 * <ul>
 *   <li>anonymous allowed: {@code security: []} (public);
 *   <li>any token allowed: the scheme with no scopes;
 *   <li>otherwise one requirement per scope that alone is enough (OpenAPI: alternatives).
 * </ul>
 */
final class OperationSecurity implements OpenApiCustomizer {

  /** The role people's tokens carry for operators' operations (ADR 0030). */
  private static final String ROLE = "ADMIN";

  private final List<SecurityFilterChain> chains;
  private final Collection<String> scopes;
  private final String scheme;

  OperationSecurity(List<SecurityFilterChain> chains, Collection<String> scopes, String scheme) {
    this.chains = chains;
    this.scopes = new java.util.TreeSet<>(scopes); // a stable order of alternatives
    this.scheme = scheme;
  }

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) -> {
              for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                  item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                operation.setSecurity(requirements(entry.getKey().name(), path));
                if (needsRole(entry.getKey().name(), path)) {
                  String said = operation.getDescription();
                  operation.setDescription(
                      (said == null || said.isBlank() ? "" : said + "\n\n")
                          + "Only for people with the role ADMIN (besides the scope).");
                }
              }
            });
  }

  private List<SecurityRequirement> requirements(String method, String template) {
    HttpServletRequest probe = ProbeRequest.of(method, template.replaceAll("\\{[^}]+}", "x1"));
    if (allows(probe, new AnonymousAuthenticationToken("probe", "anonymous", roles("ANONYMOUS")))) {
      return new ArrayList<>();
    }
    if (allows(probe, token())) {
      return List.of(new SecurityRequirement().addList(scheme));
    }
    List<SecurityRequirement> alternatives = new ArrayList<>();
    for (String scope : scopes) {
      if (allows(probe, token("SCOPE_" + scope))) {
        alternatives.add(new SecurityRequirement().addList(scheme, scope));
      }
    }
    if (alternatives.isEmpty()) { // an operation for people with a role: the scopes with it
      for (String scope : scopes) {
        if (allows(probe, token("SCOPE_" + scope, "ROLE_" + ROLE))) {
          alternatives.add(new SecurityRequirement().addList(scheme, scope));
        }
      }
    }
    return alternatives.isEmpty()
        ? List.of(new SecurityRequirement().addList(scheme))
        : alternatives;
  }

  /** Whether a scope is granted only together with the role {@link #ROLE}. */
  private boolean needsRole(String method, String template) {
    HttpServletRequest probe = ProbeRequest.of(method, template.replaceAll("\\{[^}]+}", "x1"));
    boolean withoutRole = false;
    boolean withRole = false;
    for (String scope : scopes) {
      withoutRole |= allows(probe, token("SCOPE_" + scope));
      withRole |= allows(probe, token("SCOPE_" + scope, "ROLE_" + ROLE));
    }
    return withRole && !withoutRole && !allows(probe, token());
  }

  private boolean allows(HttpServletRequest probe, Authentication caller) {
    for (SecurityFilterChain chain : chains) {
      if (!chain.matches(probe)) {
        continue;
      }
      for (Filter filter : chain.getFilters()) {
        if (filter instanceof AuthorizationFilter authorization) {
          AuthorizationManager<HttpServletRequest> manager =
              authorization.getAuthorizationManager();
          AuthorizationResult result = manager.authorize(() -> caller, probe);
          return result != null && result.isGranted();
        }
      }
      return true; // a chain that authorizes nothing lets everyone through
    }
    return false;
  }

  private static Authentication token(String... authorities) {
    return UsernamePasswordAuthenticationToken.authenticated(
        "probe", null, AuthorityUtils.createAuthorityList(authorities));
  }

  private static List<org.springframework.security.core.GrantedAuthority> roles(String role) {
    return AuthorityUtils.createAuthorityList("ROLE_" + role);
  }
}
