package io.stride.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.auth.AuthTestSupport;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Administrators register partners' OAuth clients, with a secret shown once, and rotate it with an
 * overlap in which both secrets work (ADR 0039).
 */
@StrideIntegrationTest
class ClientAdminIntegrationTests {

  static final String CLIENTS = "/api/v1/auth/clients";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  HttpJson http;
  OAuthFlows oauth;
  String admin;

  @BeforeEach
  void setUp() {
    http = new HttpJson("http://127.0.0.1:" + port);
    oauth = new OAuthFlows("http://127.0.0.1:" + port);
    admin = tokenOf(administrator(), "openid clients:read clients:write");
  }

  @Test
  void aRegisteredServerClientGetsTokensWithTheSecretShownOnceAndNeverAgain() {
    String clientId = newClientId();

    Reply registered = http.post(CLIENTS, admin, serverClient(clientId, "workouts:read"));

    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String secret = registered.json().get("clientSecret").asString();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
    JsonNode client = registered.json().get("client");
    assertThat(client.get("managedBy").asString()).isEqualTo("admin");
    assertThat(client.get("consent").asBoolean()).isTrue();
    assertThat(client.get("grantTypes").valueStream().map(JsonNode::asString))
        .containsExactly("client_credentials");
    Reply token = oauth.clientCredentials(clientId, secret, "workouts:read");
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    Reply read = http.get(CLIENTS + "/" + clientId, admin);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body()).doesNotContain(secret).doesNotContain("clientSecret");
    assertThat(
            jdbc.queryForObject(
                "select client_secret from auth.oauth2_registered_client where client_id = ?",
                String.class,
                clientId))
        .as("only a hash is kept")
        .doesNotContain(secret);
  }

  @Test
  void duringARotationBothSecretsWorkAndAnImmediateRotationEndsTheOverlap() {
    String clientId = newClientId();
    String first =
        http.post(CLIENTS, admin, serverClient(clientId, "workouts:read"))
            .json()
            .get("clientSecret")
            .asString();
    String rotations = CLIENTS + "/" + clientId + "/secret-rotations";

    Reply rotated = http.post(rotations, admin, Map.of("expiresInHours", 24));

    assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
    String second = rotated.json().get("clientSecret").asString();
    assertThat(rotated.json().get("previousSecretExpiresAt").asString()).isNotBlank();
    assertThat(oauth.clientCredentials(clientId, first, "workouts:read").status()).isEqualTo(200);
    assertThat(oauth.clientCredentials(clientId, second, "workouts:read").status()).isEqualTo(200);

    Reply again = http.post(rotations, admin, Map.of("expiresInHours", 24));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("expiresInHours 0");

    Reply leaked = http.post(rotations, admin, Map.of("expiresInHours", 0));
    assertThat(leaked.status()).isEqualTo(201);
    String third = leaked.json().get("clientSecret").asString();
    assertThat(oauth.clientCredentials(clientId, third, "workouts:read").status()).isEqualTo(200);
    assertThat(oauth.clientCredentials(clientId, second, "workouts:read").status()).isEqualTo(401);
    assertThat(oauth.clientCredentials(clientId, first, "workouts:read").status()).isEqualTo(401);
  }

  @Test
  void anAppActingForAthletesGetsRefreshTokensAndAsksConsent() {
    String clientId = newClientId();
    Map<String, Object> app = new LinkedHashMap<>(serverClient(clientId, "workouts:read"));
    app.put("grantTypes", List.of("authorization_code"));
    app.put("redirectUris", List.of("https://coach.example/callback", "http://127.0.0.1/cb"));
    app.put("scopes", List.of("openid", "profile", "workouts:read"));

    Reply registered = http.post(CLIENTS, admin, app);

    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    JsonNode client = registered.json().get("client");
    assertThat(client.get("grantTypes").valueStream().map(JsonNode::asString))
        .containsExactly("authorization_code", "refresh_token");
    assertThat(client.get("consent").asBoolean()).isTrue();
    Reply changed =
        http.put(
            CLIENTS + "/" + clientId,
            admin,
            Map.of(
                "name", "Acme Coaching 2",
                "grantTypes", List.of("authorization_code", "client_credentials"),
                "redirectUris", List.of("https://coach.example/callback"),
                "scopes", List.of("openid", "workouts:read")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("name").asString()).isEqualTo("Acme Coaching 2");
    assertThat(changed.json().get("redirectUris").size()).isOne();
  }

  @Test
  void invalidRegistrationsAre422NamingEachField() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("clientId", newClientId());
    bad.put("name", "Bad");
    bad.put("grantTypes", List.of("client_credentials", "password"));
    bad.put("redirectUris", List.of("http://coach.example/cb"));
    bad.put(
        "scopes",
        List.of(
            "regions:admin",
            "account:manage",
            "openid",
            "no:such",
            "clients:write",
            "integration:write"));

    Reply refused = http.post(CLIENTS, admin, bad);

    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.body())
        .contains(
            "grantTypes[1]",
            "redirectUris",
            "scopes[0]",
            "scopes[1]",
            "scopes[2]",
            "scopes[3]",
            "scopes[4]",
            "scopes[5]");
    Map<String, Object> badRedirects =
        new LinkedHashMap<>(serverClient(newClientId(), "profile:read"));
    badRedirects.put("grantTypes", List.of("authorization_code"));
    badRedirects.put(
        "redirectUris",
        List.of("//coach.example/cb", "http://localhost/cb", "https://coach.example/cb#frag"));
    Reply redirects = http.post(CLIENTS, admin, badRedirects);
    assertThat(redirects.status()).as(redirects.body()).isEqualTo(422);
    assertThat(redirects.body()).contains("redirectUris[0]", "redirectUris[1]", "redirectUris[2]");
    Reply badId = http.post(CLIENTS, admin, serverClient("Not An Id", "workouts:read"));
    assertThat(badId.status()).isEqualTo(422);
    assertThat(badId.body()).contains("clientId");
  }

  @Test
  void aTakenClientIdAndARepeatedRequestAre409AndConfiguredClientsAreReadOnly() {
    Reply configured = http.post(CLIENTS, admin, serverClient("stride-mobile", "workouts:read"));
    assertThat(configured.status()).isEqualTo(409);

    String clientId = newClientId();
    String key = UUID.randomUUID().toString();
    assertThat(http.send(keyed(key, serverClient(clientId, "workouts:read"))).status())
        .isEqualTo(201);
    Reply repeated = http.send(keyed(key, serverClient(clientId, "workouts:read")));
    assertThat(repeated.status()).isEqualTo(409);
    assertThat(repeated.json().get("detail").asString()).contains("secret-rotations");

    JsonNode listed = http.get(CLIENTS, admin).json().get("items");
    assertThat(listed.valueStream())
        .anySatisfy(
            client -> {
              assertThat(client.get("clientId").asString()).isEqualTo("stride-mobile");
              assertThat(client.get("managedBy").asString()).isEqualTo("configuration");
            });
    assertThat(http.post(CLIENTS + "/stride-mobile/secret-rotations", admin, Map.of()).status())
        .isEqualTo(409);
    Reply configuredChange =
        http.put(CLIENTS + "/stride-device", admin, serverClient(null, "workouts:read"));
    assertThat(configuredChange.status()).isEqualTo(409);
    assertThat(configuredChange.json().get("detail").asString()).contains("configuration");
    assertThat(http.get(CLIENTS + "/no-such-client", admin).status()).isEqualTo(404);
  }

  @Test
  void onlyAdministratorsWithTheScopeReachTheApi() {
    String athlete = tokenOf(AuthTestSupport.registered(http), "openid clients:read clients:write");
    assertThat(http.get(CLIENTS, athlete).status()).as("no role").isEqualTo(403);
    assertThat(http.post(CLIENTS, athlete, serverClient(newClientId(), "workouts:read")).status())
        .isEqualTo(403);
    String readOnly = tokenOf(administrator(), "openid clients:read");
    assertThat(http.get(CLIENTS, readOnly).status()).isEqualTo(200);
    assertThat(http.post(CLIENTS, readOnly, serverClient(newClientId(), "workouts:read")).status())
        .as("reading is not changing")
        .isEqualTo(403);
    assertThat(http.get(CLIENTS, null).status()).isEqualTo(401);
  }

  private HttpRequest keyed(String key, Map<String, Object> body) {
    return http.request(CLIENTS, admin)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(HttpJson.toJson(body)))
        .build();
  }

  private static Map<String, Object> serverClient(String clientId, String scope) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (clientId != null) {
      body.put("clientId", clientId);
    }
    body.put("name", "Acme Coaching");
    body.put("grantTypes", List.of("client_credentials"));
    body.put("scopes", List.of(scope));
    return body;
  }

  private static String newClientId() {
    return "acme-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A verified-or-not account holding the role ADMIN (ADR 0030), by email. */
  private String administrator() {
    String email = AuthTestSupport.registered(http);
    AuthTestSupport.grantAdmin(jdbc, email);
    return email;
  }

  private String tokenOf(String email, String scopes) {
    return oauth
        .signInWithMobileApp(email, AuthTestSupport.PASSWORD, scopes)
        .get("access_token")
        .asString();
  }
}
