package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The standard scopes {@code profile} and {@code email}: their claims in the ID token and at {@code
 * /userinfo}, for the scopes granted only; {@code sub} is the account id, never the email.
 */
@StrideIntegrationTest
class OpenIdClaimsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String baseUrl;
  HttpJson http;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
  }

  @Test
  void profileAndEmailScopesGiveNameAndUnverifiedEmailInIdTokenAndUserinfo() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens = new AppSignIn(baseUrl).signIn(email, "openid profile email", Map.of());

    JsonNode idToken = AppSignIn.idTokenClaims(tokens);
    assertThat(idToken.get("sub").asString()).isEqualTo(accountId(email));
    assertThat(idToken.get("name").asString()).isEqualTo("Test Athlete");
    assertThat(idToken.get("email").asString()).isEqualTo(email);
    assertThat(idToken.get("email_verified").asBoolean(true)).isFalse();
    assertThat(idToken.has("roles")).as("an account without roles").isFalse();

    JsonNode userInfo = userInfo(tokens);
    assertThat(userInfo.get("sub").asString()).isEqualTo(accountId(email));
    assertThat(userInfo.get("name").asString()).isEqualTo("Test Athlete");
    assertThat(userInfo.get("email").asString()).isEqualTo(email);
    assertThat(userInfo.get("email_verified").asBoolean(true)).isFalse();
    assertThat(userInfo.has("preferred_username")).isFalse();
    assertThat(userInfo.has("updated_at")).isFalse();
  }

  @Test
  void claimsAreIssuedOnlyForTheScopesGranted() {
    String email = AuthTestSupport.registered(http);

    JsonNode openIdOnly = new AppSignIn(baseUrl).signIn(email, "openid", Map.of());
    assertThat(AppSignIn.idTokenClaims(openIdOnly).toString())
        .doesNotContain(email, "Test Athlete");
    assertThat(userInfo(openIdOnly).propertyNames()).containsExactly("sub");

    JsonNode emailOnly = new AppSignIn(baseUrl).signIn(email, "openid email", Map.of());
    assertThat(AppSignIn.idTokenClaims(emailOnly).has("name")).isFalse();
    assertThat(userInfo(emailOnly).propertyNames())
        .containsExactlyInAnyOrder("sub", "email", "email_verified");

    JsonNode profileOnly = new AppSignIn(baseUrl).signIn(email, "openid profile", Map.of());
    assertThat(AppSignIn.idTokenClaims(profileOnly).has("email")).isFalse();
    assertThat(userInfo(profileOnly).propertyNames()).containsExactlyInAnyOrder("sub", "name");
  }

  @Test
  void idTokenCarriesTheSignInTimeAndTheNonceAndRefreshKeepsThem() {
    String email = AuthTestSupport.registered(http);
    long before = Instant.now().getEpochSecond();
    JsonNode tokens =
        new AppSignIn(baseUrl).signIn(email, "openid profile", Map.of("nonce", "nonce-42"));
    long after = Instant.now().getEpochSecond();

    JsonNode idToken = AppSignIn.idTokenClaims(tokens);
    assertThat(idToken.get("auth_time").asLong()).isBetween(before, after);
    assertThat(idToken.get("nonce").asString()).isEqualTo("nonce-42");
    assertThat(idToken.get("sid").asString()).isNotBlank();

    HttpJson.Reply refreshed =
        new OAuthFlows(baseUrl)
            .refresh(OAuthFlows.MOBILE_CLIENT, tokens.get("refresh_token").asString());
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    JsonNode again = AppSignIn.idTokenClaims(refreshed.json());
    assertThat(again.get("auth_time").asLong()).isEqualTo(idToken.get("auth_time").asLong());
    assertThat(again.get("sid").asString()).isEqualTo(idToken.get("sid").asString());
    assertThat(again.get("name").asString()).isEqualTo("Test Athlete");
  }

  private JsonNode userInfo(JsonNode tokens) {
    HttpJson.Reply reply = http.get("/userinfo", tokens.get("access_token").asString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private String accountId(String email) {
    return jdbc.queryForObject(
        "select id::text from auth.account where email = ?", String.class, email);
  }
}
