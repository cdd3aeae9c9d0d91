package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.OAuthFlows.Pkce;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class OAuthFlowsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  HttpJson http;
  OAuthFlows oauth;
  String baseUrl;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
    oauth = new OAuthFlows(baseUrl);
  }

  @Test
  void discoveryNamesTheGatewayIssuerAndPublishesTheSigningKey() {
    JsonNode discovery = http.get("/.well-known/openid-configuration", null).json();
    assertThat(discovery.get("issuer").asString()).isEqualTo("http://stride.test");
    assertThat(discovery.get("device_authorization_endpoint").asString())
        .endsWith("/oauth2/device_authorization");
    JsonNode jwks = http.get("/oauth2/jwks", null).json();
    assertThat(jwks.get("keys").size()).isGreaterThanOrEqualTo(1);
    assertThat(jwks.get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
    assertThat(jwks.get("keys").get(0).has("d")).isFalse();
  }

  @Test
  void mobileAppSignsInWithPkceAndGetsAUserTokenForTheApi() {
    String email = AuthTestSupport.registered(http);
    String userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);

    JsonNode tokens =
        oauth.signInWithMobileApp(
            email, AuthTestSupport.PASSWORD, "openid profile:read profile:write");

    JsonNode claims = OAuthFlows.claims(tokens.get("access_token").asString());
    assertThat(claims.get("sub").asString()).isEqualTo(userId);
    assertThat(claims.get("uid").asString()).isEqualTo(userId);
    assertThat(claims.get("iss").asString()).isEqualTo("http://stride.test");
    assertThat(claims.get("aud").toString()).contains("stride-api", "stride-mobile");
    assertThat(claims.get("scope").toString()).contains("profile:read", "profile:write");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
    assertThat(claims.toString()).doesNotContain(email);
    assertThat(claims.has("roles")).as("an account without roles").isFalse();
    assertThat(tokens.get("refresh_token").asString()).isNotBlank();
    assertThat(tokens.get("id_token").asString()).isNotBlank();
  }

  @Test
  void plainPkceIsRejected() {
    AuthTestSupport.registered(http);
    BrowserSession browser = new BrowserSession(baseUrl);
    HttpResponse<String> response =
        browser.get(oauth.authorizeUrl("profile:read", Pkce.create(), "plain", "s"));
    String location = BrowserSession.location(response);
    assertThat(location).startsWith(OAuthFlows.MOBILE_REDIRECT).contains("error=invalid_request");
  }

  @Test
  void refreshTokensRotateAndAReusedOneRevokesTheWholeSession() {
    String email = AuthTestSupport.registered(http);
    JsonNode first = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, "profile:read");
    String original = first.get("refresh_token").asString();

    Reply rotated = oauth.refresh(OAuthFlows.MOBILE_CLIENT, original);
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String next = rotated.json().get("refresh_token").asString();
    assertThat(next).isNotEqualTo(original);
    assertThat(rotated.json().get("access_token").asString())
        .isNotEqualTo(first.get("access_token").asString());

    Reply reused = oauth.refresh(OAuthFlows.MOBILE_CLIENT, original);
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");

    Reply afterTheft = oauth.refresh(OAuthFlows.MOBILE_CLIENT, next);
    assertThat(afterTheft.status()).isEqualTo(400);
    assertThat(afterTheft.json().get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aRefreshTokenOnlyWorksForItsOwnClient() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, "profile:read");
    Reply otherClient =
        oauth.refresh(OAuthFlows.DEVICE_CLIENT, tokens.get("refresh_token").asString());
    assertThat(otherClient.status()).isEqualTo(400);
    Reply unknownClient = oauth.refresh("nobody", tokens.get("refresh_token").asString());
    assertThat(unknownClient.status()).isEqualTo(401);
  }

  @Test
  void partnerGetsAClientTokenWithItsScopesOnly() {
    Reply ok = oauth.clientCredentials("partner-demo", "test-partner-secret", "profile:read");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    JsonNode claims = OAuthFlows.claims(ok.json().get("access_token").asString());
    assertThat(claims.get("scope").toString()).contains("profile:read");
    assertThat(claims.has("uid")).isFalse();
    assertThat(claims.has("roles")).isFalse();
    assertThat(claims.get("aud").toString()).contains("stride-api");
    assertThat(ok.json().has("refresh_token")).isFalse();

    assertThat(
            oauth
                .clientCredentials("partner-demo", "test-partner-secret", "profile:write")
                .status())
        .isEqualTo(400);
    assertThat(oauth.clientCredentials("partner-demo", "wrong-secret", "profile:read").status())
        .isEqualTo(401);
  }

  @Test
  void deviceFlowGivesTheTrackerAReadingsOnlyTokenForTheUserWhoApproved() throws Exception {
    String email = AuthTestSupport.registered(http);
    String userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);

    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    assertThat(codes.get("verification_uri").asString()).endsWith("/activate");
    String deviceCode = codes.get("device_code").asString();

    Reply pending = oauth.pollDeviceToken(deviceCode);
    assertThat(pending.json().get("error").asString()).isEqualTo("authorization_pending");
    Reply tooFast = oauth.pollDeviceToken(deviceCode);
    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.json().get("error").asString()).isEqualTo("slow_down");

    BrowserSession owner = new BrowserSession(baseUrl);
    owner.follow(owner.signIn(email, AuthTestSupport.PASSWORD));
    HttpResponse<String> approved =
        oauth.approveDevice(
            owner, codes.get("user_code").asString().toLowerCase(), "readings:write");
    assertThat(BrowserSession.location(approved)).endsWith("/activate/done");

    Thread.sleep(6_500); // the interval grew by 5 s after slow_down (RFC 8628 §3.5)
    Reply token = oauth.pollDeviceToken(deviceCode);
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    JsonNode claims = OAuthFlows.claims(token.json().get("access_token").asString());
    assertThat(claims.get("uid").asString()).isEqualTo(userId);
    assertThat(claims.get("scope").toString()).contains("readings:write").doesNotContain("profile");
  }

  @Test
  void deviceAuthorizationTellsTheTrackerHowOftenToPoll() {
    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    assertThat(codes.get("interval").asLong()).isEqualTo(1); // stride.auth.device-poll-interval
    assertThat(codes.get("expires_in").asLong()).isPositive();
    assertThat(codes.get("verification_uri").asString()).isEqualTo(baseUrl + "/activate");
    assertThat(codes.get("verification_uri_complete").asString())
        .isEqualTo(baseUrl + "/activate?user_code=" + codes.get("user_code").asString());
  }

  @Test
  void wrongUserCodesAreThrottled() {
    String email = AuthTestSupport.registered(http);
    BrowserSession guesser = new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "203.0.113.77"));
    guesser.follow(guesser.signIn(email, AuthTestSupport.PASSWORD));
    int lastStatus = 0;
    for (int i = 0; i < 12; i++) {
      HttpResponse<String> form = guesser.get("/activate");
      HttpResponse<String> attempt =
          guesser.postForm(
              "/activate",
              Map.of(
                  "user_code",
                  "WXYZ-" + (1000 + i),
                  "_csrf",
                  BrowserSession.csrfToken(form.body())));
      lastStatus = attempt.statusCode();
      if (i < 10) {
        assertThat(attempt.statusCode()).as("attempt %d", i).isEqualTo(400);
      }
    }
    assertThat(lastStatus).isEqualTo(429);
  }

  @Test
  void repeatedWrongPasswordsSlowDownThenTheOwnerGetsBackIn() throws Exception {
    String email = AuthTestSupport.registered(http);
    BrowserSession attacker =
        new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "198.51.100.9"));
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> attempt = attacker.signIn(email, "wrong password " + i);
      assertThat(BrowserSession.location(attempt)).endsWith("/login?error");
    }
    HttpResponse<String> throttled = attacker.signIn(email, AuthTestSupport.PASSWORD);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

    Thread.sleep(1_200); // the first delay after ten failures is one second
    BrowserSession owner = new BrowserSession(baseUrl);
    HttpResponse<String> signedIn = owner.signIn(email, AuthTestSupport.PASSWORD);
    assertThat(BrowserSession.isRedirect(signedIn)).isTrue();
    assertThat(BrowserSession.location(signedIn)).doesNotContain("error");
  }
}
