package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.catalog.ServiceCatalog;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Discovery ({@code /.well-known/openid-configuration}, {@code
 * /.well-known/oauth-authorization-server}) lists what is true for Stride and nothing else: the
 * scopes and grant types our clients really have, the client authentication methods that work, the
 * claims we issue; no DPoP, no mutual TLS.
 */
@StrideIntegrationTest
class OpenIdDiscoveryIntegrationTests {

  private static final List<String> METADATA =
      List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String baseUrl;
  HttpJson http;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
  }

  /** A CDN and client libraries may keep discovery for five minutes and revalidate it. */
  @ParameterizedTest
  @ValueSource(
      strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
  void discoveryIsPublicForFiveMinutesWithAnEntityTagThatRevalidates(String path) {
    HttpJson.Reply first = http.get(path, null);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=300");
    assertThat(first.header("Vary")).contains("Accept-Encoding");
    String tag = first.header("ETag");
    assertThat(tag).isNotBlank();

    HttpJson.Reply again =
        http.send(http.request(path, null).header("If-None-Match", tag).GET().build());
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theKeySetIsNotCachedBecauseANewKeySignsAtOnce() {
    HttpJson.Reply keys = http.get("/oauth2/jwks", null);
    assertThat(keys.status()).isEqualTo(200);
    assertThat(keys.header("Cache-Control")).contains("no-store");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
  void advertisesNeitherDpopNorMutualTls(String path) {
    JsonNode metadata = metadata(path);
    assertThat(metadata.has("dpop_signing_alg_values_supported")).isFalse();
    assertThat(metadata.has("tls_client_certificate_bound_access_tokens")).isFalse();
    assertThat(metadata.has("mtls_endpoint_aliases")).isFalse();
    assertThat(metadata.toString())
        .doesNotContain("tls_client_auth", "private_key_jwt", "client_secret_jwt");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
  void listsTheClientAuthenticationMethodsThatWorkIncludingNoneForPublicClients(String path) {
    JsonNode metadata = metadata(path);
    assertThat(strings(metadata, "token_endpoint_auth_methods_supported"))
        .containsExactly("client_secret_basic", "client_secret_post", "none");
    assertThat(strings(metadata, "revocation_endpoint_auth_methods_supported"))
        .containsExactly("client_secret_basic", "client_secret_post", "none");
    assertThat(strings(metadata, "introspection_endpoint_auth_methods_supported"))
        .containsExactly("client_secret_basic", "client_secret_post");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
  void listsEveryScopeAndGrantTypeOurClientsHaveAndNoOther(String path) {
    JsonNode metadata = metadata(path);
    Set<String> apiScopes = ServiceCatalog.load().scopes().keySet();
    assertThat(strings(metadata, "scopes_supported"))
        .contains("openid", "profile", "email")
        .containsAll(apiScopes)
        .containsAll(registered("scopes"));
    assertThat(new TreeSet<>(strings(metadata, "scopes_supported")))
        .isEqualTo(union(apiScopes, Set.of("profile", "email")));
    assertThat(new TreeSet<>(strings(metadata, "grant_types_supported")))
        .isEqualTo(registered("authorization_grant_types"))
        .doesNotContain("urn:ietf:params:oauth:grant-type:token-exchange");
    assertThat(strings(metadata, "response_modes_supported")).containsExactly("query");
    assertThat(strings(metadata, "code_challenge_methods_supported")).containsExactly("S256");
  }

  @Test
  void openIdConfigurationSaysNothingElse() {
    assertThat(metadata(METADATA.get(0)).propertyNames())
        .containsExactlyInAnyOrder(
            "issuer",
            "authorization_endpoint",
            "device_authorization_endpoint",
            "token_endpoint",
            "token_endpoint_auth_methods_supported",
            "jwks_uri",
            "userinfo_endpoint",
            "end_session_endpoint",
            "response_types_supported",
            "response_modes_supported",
            "grant_types_supported",
            "revocation_endpoint",
            "revocation_endpoint_auth_methods_supported",
            "introspection_endpoint",
            "introspection_endpoint_auth_methods_supported",
            "code_challenge_methods_supported",
            "subject_types_supported",
            "id_token_signing_alg_values_supported",
            "scopes_supported",
            "claims_supported",
            "request_uri_parameter_supported");
  }

  @Test
  void openIdConfigurationNamesTheLogoutEndpointAndRefusesRequestUris() {
    JsonNode configuration = metadata(METADATA.get(0));
    assertThat(configuration.get("end_session_endpoint").asString())
        .isEqualTo("http://stride.test/connect/logout");
    assertThat(configuration.get("userinfo_endpoint").asString())
        .isEqualTo("http://stride.test/userinfo");
    assertThat(configuration.get("request_uri_parameter_supported").asBoolean()).isFalse();
    assertThat(strings(configuration, "id_token_signing_alg_values_supported"))
        .containsExactly("RS256");
  }

  @Test
  void claimsSupportedListsEveryClaimOfOurIdTokensAndUserinfo() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens =
        new AppSignIn(baseUrl)
            .signIn(email, "openid profile email", Map.of("nonce", "n-1", "max_age", "600"));
    List<String> supported = strings(metadata(METADATA.get(0)), "claims_supported");

    JsonNode idToken = AppSignIn.idTokenClaims(tokens);
    JsonNode userInfo = http.get("/userinfo", tokens.get("access_token").asString()).json();

    assertThat(names(idToken)).contains("sid", "auth_time", "nonce", "email").isSubsetOf(supported);
    assertThat(names(userInfo)).contains("sub", "name", "email").isSubsetOf(supported);
  }

  private JsonNode metadata(String path) {
    HttpJson.Reply reply = http.get(path, null);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  /** Everything the registered clients have in this column (comma-separated). */
  private Set<String> registered(String column) {
    Set<String> values = new TreeSet<>();
    jdbc.queryForList("select " + column + " from auth.oauth2_registered_client", String.class)
        .forEach(value -> values.addAll(Arrays.asList(value.split(","))));
    return values;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }

  private static List<String> strings(JsonNode metadata, String name) {
    assertThat(metadata.has(name)).as(name).isTrue();
    List<String> values = new ArrayList<>();
    metadata.get(name).forEach(value -> values.add(value.asString()));
    return values;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }
}
