package io.stride.platform.openapi;

import io.stride.catalog.Service;
import io.stride.catalog.ServiceCatalog;
import io.stride.platform.security.Caller;
import io.stride.platform.security.CurrentUser;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What every service's OpenAPI document says besides its operations, so a client generated from it
 * works against the gateway with no glue (ADR 0013):
 *
 * <ul>
 *   <li>title, version, description, contact and license from the catalog ({@code services.yml});
 *       the gateway's public URL ({@code stride.public-url}) as the one server;
 *   <li>an OAuth2 scheme with the authorization-code, client-credentials and device flows and every
 *       scope, applied per operation with the scopes its security chain really checks ({@link
 *       OperationSecurity});
 *   <li>the error answers and the shared problem schema ({@link ErrorResponses});
 *   <li>required and nullable fields from the records ({@link RecordNullability});
 *   <li>the caller arguments the platform resolves itself ({@link CurrentUser}, {@link Caller}) are
 *       not parameters.
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

  /** The name of the security scheme in every Stride OpenAPI document. */
  public static final String SCHEME = "stride-oauth2";

  static {
    SpringDocUtils.getConfig()
        .addRequestWrapperToIgnore(CurrentUser.class, Caller.class)
        // a JSON tree is any JSON value; a field that knows better says so with @Schema
        .replaceWithSchema(
            tools.jackson.databind.JsonNode.class, new io.swagger.v3.oas.models.media.Schema<>())
        // a wall-clock time without an offset (e.g. a campaign's window in its own time zone) is
        // not an RFC 3339 date-time: it gets a format of its own and the pattern it is written in
        .replaceWithSchema(
            java.time.LocalDateTime.class,
            new io.swagger.v3.oas.models.media.StringSchema()
                .format("local-date-time")
                .pattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                .example("2026-12-01T09:00:00"));
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI strideOpenApi(
      @Value("${spring.application.name}") String application,
      @Value("${stride.public-url:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}")
          String publicUrl) {
    ServiceCatalog catalog = ServiceCatalog.load();
    ServiceCatalog.Api api = catalog.api();
    String summary = catalog.find(application).map(Service::summary).orElse(application);
    return new OpenAPI()
        .info(
            new Info()
                .title("Stride " + application + " API")
                .version(api.version())
                .summary(capitalized(summary))
                .description(capitalized(summary) + ".\n\n" + api.description())
                .contact(new Contact().name(api.contactName()).url(api.contactUrl()))
                .license(new License().name(api.licenseName()).url(api.licenseUrl())))
        .servers(List.of(new Server().url(withoutSlash(publicUrl)).description("Stride gateway")))
        .components(new Components().addSecuritySchemes(SCHEME, scheme(catalog, publicUrl)))
        .addSecurityItem(new SecurityRequirement().addList(SCHEME));
  }

  /** Required and nullable fields from the records' {@code @Nullable} components. */
  @Bean
  ModelConverter strideRecordNullability() {
    return new RecordNullability();
  }

  /**
   * Security per operation, then error answers (which depend on it): one customizer, so the order
   * is fixed.
   */
  @Bean
  OpenApiCustomizer strideOperationContracts(ObjectProvider<SecurityFilterChain> chains) {
    Map<String, String> scopes = ServiceCatalog.load().scopes();
    return openApi -> {
      new OperationSecurity(chains.orderedStream().toList(), scopes.keySet(), SCHEME)
          .customise(openApi);
      new ErrorResponses().customise(openApi);
    };
  }

  /** Every scope of the catalog in every flow: the token endpoint grants what a client may ask. */
  static SecurityScheme scheme(ServiceCatalog catalog, String publicUrl) {
    String base = withoutSlash(publicUrl);
    Scopes scopes = new Scopes();
    catalog.scopes().forEach(scopes::addString);
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("deviceAuthorizationUrl", base + "/oauth2/device_authorization");
    device.put("tokenUrl", base + "/oauth2/token");
    device.put("scopes", scopes);
    OAuthFlows flows =
        new OAuthFlows()
            .authorizationCode(
                new OAuthFlow()
                    .authorizationUrl(base + "/oauth2/authorize")
                    .tokenUrl(base + "/oauth2/token")
                    .refreshUrl(base + "/oauth2/token")
                    .scopes(scopes))
            .clientCredentials(new OAuthFlow().tokenUrl(base + "/oauth2/token").scopes(scopes));
    // OpenAPI 3.2's deviceAuthorization flow, as an extension until 3.2 tooling is common
    flows.addExtension("x-deviceAuthorization", device);
    return new SecurityScheme()
        .type(SecurityScheme.Type.OAUTH2)
        .description(
            "Access tokens from the Stride authorization server: authorization code with PKCE for"
                + " apps acting for an athlete, client credentials for partner servers, the device"
                + " flow (RFC 8628, x-deviceAuthorization) for trackers. OpenID Connect discovery: "
                + base
                + "/.well-known/openid-configuration")
        .flows(flows);
  }

  private static String withoutSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
