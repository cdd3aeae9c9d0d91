package io.stride.platform.openapi;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.platform.security.Caller;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * What every service's OpenAPI document says about security: an OAuth2 scheme with the
 * authorization-code and client-credentials flows of our authorization server and the scopes the
 * catalog gives this service's routes ({@code services.yml}), required by every operation. The
 * caller arguments the platform resolves itself ({@link CurrentUser}, {@link Caller}) are not
 * parameters a client sends, so they are left out of the document.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

  /** The name of the security scheme in every Stride OpenAPI document. */
  public static final String SCHEME = "stride-oauth2";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class, Caller.class);
  }

  @Bean
  OpenApiCustomizer strideSecurityScheme(
      @Value("${spring.application.name}") String application,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    ServiceCatalog catalog = ServiceCatalog.load();
    Scopes scopes = new Scopes();
    Map<String, String> descriptions = catalog.scopes();
    catalog
        .find(application)
        .ifPresent(
            service ->
                scopesOf(service).forEach(s -> scopes.addString(s, describe(descriptions, s))));
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    SecurityScheme scheme =
        new SecurityScheme()
            .type(SecurityScheme.Type.OAUTH2)
            .description(
                "Access tokens from the Stride authorization server: authorization code with"
                    + " PKCE for apps acting for an athlete, client credentials for partner"
                    + " servers, the device flow (RFC 8628) for trackers.")
            .flows(
                new OAuthFlows()
                    .authorizationCode(
                        new OAuthFlow()
                            .authorizationUrl(base + "/oauth2/authorize")
                            .tokenUrl(base + "/oauth2/token")
                            .refreshUrl(base + "/oauth2/token")
                            .scopes(scopes))
                    .clientCredentials(
                        new OAuthFlow().tokenUrl(base + "/oauth2/token").scopes(scopes)));
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSecuritySchemes(SCHEME, scheme);
      openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
    };
  }

  private static Set<String> scopesOf(Service service) {
    Set<String> scopes = new LinkedHashSet<>();
    service.routes().forEach(route -> scopes.addAll(route.scopes()));
    scopes.addAll(service.scopes().keySet());
    return scopes;
  }

  private static String describe(Map<String, String> descriptions, String scope) {
    return descriptions.getOrDefault(scope, scope);
  }
}
