package io.stride.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServiceCatalogTests {

  private static final String TWO_SERVICES =
      """
      gateway: {port: 8080, management-port: 8079}
      api:
        version: 1.2.3
        description: The platform.
        contact: {name: Us, url: https://example.org}
        license: {name: Apache-2.0, url: https://www.apache.org/licenses/LICENSE-2.0}
      services:
        - name: auth-service
          port: 8081
          schema: auth
          summary: accounts
          routes:
            - paths: [/api/v1/accounts, /oauth2/**]
          scopes: {openid: Sign in}
          publishes: [stride.auth.users]
        - name: club-house-service
          port: 8090
          schema: club_house
          summary: clubs
          routes:
            - paths: [/api/v1/clubs/**]
              scopes: [clubs:read]
              max-body-size: 5MB
          scopes: {"clubs:read": See clubs}
          consumes: [stride.auth.users]
      """;

  @Test
  void theRepositoryCatalogLoadsAndNamesEveryServiceOnce() {
    ServiceCatalog catalog = ServiceCatalog.load();
    assertThat(catalog.names()).contains("auth-service", "profile-service", "workout-service");
    assertThat(catalog.names()).doesNotHaveDuplicates();
    assertThat(catalog.gateway().port()).isEqualTo(8080);
  }

  @Test
  void theApiBlockGivesEveryDocumentItsVersionContactAndLicense() {
    ServiceCatalog.Api api = ServiceCatalog.parse(TWO_SERVICES).api();
    assertThat(api.version()).isEqualTo("1.2.3");
    assertThat(api.description()).isEqualTo("The platform.");
    assertThat(api.contactUrl()).isEqualTo("https://example.org");
    assertThat(api.licenseName()).isEqualTo("Apache-2.0");
    assertRefused(TWO_SERVICES.replace("version: 1.2.3", "version: v1"), "must be x.y.z");
  }

  @Test
  void routesMatchExactPathsAndPrefixesIncludingThePrefixItself() {
    ServiceCatalog catalog = ServiceCatalog.parse(TWO_SERVICES);
    assertThat(catalog.owners("/api/v1/accounts"))
        .extracting(Service::name)
        .containsExactly("auth-service");
    assertThat(catalog.owners("/api/v1/accounts/x")).isEmpty();
    assertThat(catalog.owners("/oauth2")).extracting(Service::name).containsExactly("auth-service");
    assertThat(catalog.owners("/oauth2/token"))
        .extracting(Service::name)
        .containsExactly("auth-service");
    assertThat(catalog.owners("/oauth2token")).isEmpty();
    assertThat(catalog.owners("/api/v1/clubs/1/members"))
        .extracting(Service::name)
        .containsExactly("club-house-service");
  }

  @Test
  void derivesTheGatewayVariableAndCollectsScopesAndTopics() {
    ServiceCatalog catalog = ServiceCatalog.parse(TWO_SERVICES);
    Service clubs = catalog.service("club-house-service");
    assertThat(clubs.urlVariable()).isEqualTo("STRIDE_CLUB_HOUSE_URL");
    assertThat(clubs.routeFor("/api/v1/clubs/1").orElseThrow().maxBodySize()).isEqualTo("5MB");
    assertThat(catalog.scopes()).containsOnlyKeys("openid", "clubs:read");
    assertThat(catalog.topics()).containsExactly("stride.auth.users");
    assertThat(catalog.publisherOf("stride.auth.users").orElseThrow().name())
        .isEqualTo("auth-service");
  }

  @Test
  void refusesAPathRoutedToTwoServices() {
    assertRefused(
        TWO_SERVICES.replace("[/api/v1/clubs/**]", "[/oauth2/**]"),
        "path /oauth2/** is routed to auth-service already");
  }

  @Test
  void refusesATakenPortASharedSchemaAndATwiceDefinedScope() {
    assertRefused(TWO_SERVICES.replace("port: 8090", "port: 8081"), "port 8081 is taken");
    assertRefused(TWO_SERVICES.replace("schema: club_house", "schema: auth"), "schema");
    assertRefused(
        TWO_SERVICES.replace("{\"clubs:read\": See clubs}", "{openid: again, \"clubs:read\": x}"),
        "scope openid is defined twice");
  }

  @Test
  void refusesUndefinedRouteScopesAndTopicsNobodyPublishes() {
    assertRefused(
        TWO_SERVICES.replace("scopes: [clubs:read]", "scopes: [clubs:write]"),
        "route scope clubs:write undefined");
    assertRefused(
        TWO_SERVICES.replace("consumes: [stride.auth.users]", "consumes: [stride.auth.nobody]"),
        "consumes unpublished stride.auth.nobody");
  }

  @Test
  void refusesNamesAndPathsOutsideTheConventions() {
    assertRefused(TWO_SERVICES.replace("club-house-service", "ClubHouse"), "must be lower-case");
    assertRefused(TWO_SERVICES.replace("/api/v1/clubs/**", "/api/v1/clubs/*"), "bad route path");
  }

  private static void assertRefused(String yaml, String problem) {
    assertThatThrownBy(() -> ServiceCatalog.parse(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("services.yml: ")
        .hasMessageContaining(problem);
  }
}
