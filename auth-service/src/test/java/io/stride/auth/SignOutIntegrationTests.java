package io.stride.auth;

import static io.stride.auth.AuthTestSupport.formPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Signing out: the mobile app revokes its refresh token (RFC 7009, as a public client) and ends the
 * browser session with RP-initiated logout back to its registered URI; each browser's ID tokens
 * name that browser's session, so each signs out on its own.
 */
@StrideIntegrationTest
class SignOutIntegrationTests {

  private static final String SIGNED_OUT = "http://127.0.0.1:51234/signed-out";

  @LocalServerPort int port;
  String baseUrl;
  HttpJson http;
  OAuthFlows oauth;
  String email;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
    oauth = new OAuthFlows(baseUrl);
    email = AuthTestSupport.registered(http);
  }

  @Test
  void theMobileAppRevokesItsRefreshTokenWhichThenNoLongerWorks() {
    String refreshToken =
        oauth
            .signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid")
            .get("refresh_token")
            .asString();

    Reply revoked = revoke(refreshToken, OAuthFlows.MOBILE_CLIENT);
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

    Reply refresh = oauth.refresh(OAuthFlows.MOBILE_CLIENT, refreshToken);
    assertThat(refresh.status()).isEqualTo(400);
    assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aPublicClientCannotRevokeAnotherClientsToken() {
    String refreshToken =
        oauth
            .signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid")
            .get("refresh_token")
            .asString();

    Reply refused = revoke(refreshToken, OAuthFlows.DEVICE_CLIENT);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/json");
    assertThat(refused.json().get("error").asString()).isEqualTo("invalid_client");

    assertThat(oauth.refresh(OAuthFlows.MOBILE_CLIENT, refreshToken).status()).isEqualTo(200);
  }

  @Test
  void revokingAnUnknownTokenIsFineButAnUnknownClientIsNot() {
    assertThat(revoke("no-such-token", OAuthFlows.MOBILE_CLIENT).status()).isEqualTo(200);
    Reply unknownClient = revoke("no-such-token", "nobody");
    assertThat(unknownClient.status()).isEqualTo(401);
    assertThat(unknownClient.json().get("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void logoutEndsTheSessionAndReturnsToTheAppsRegisteredUriWithState() {
    AppSignIn app = new AppSignIn(baseUrl);
    JsonNode tokens = app.signIn(email, "openid", Map.of());

    HttpResponse<String> loggedOut = logout(app, tokens, SIGNED_OUT, "bye-1");
    assertThat(loggedOut.statusCode()).isEqualTo(302);
    assertThat(BrowserSession.location(loggedOut)).isEqualTo(SIGNED_OUT + "?state=bye-1");

    HttpResponse<String> next = app.browser.get(app.request("openid", Map.of()).url());
    assertThat(BrowserSession.location(next)).as("signed out").endsWith("/login");
  }

  @Test
  void theAppsCustomSchemeIsARegisteredPostLogoutUriToo() {
    AppSignIn app = new AppSignIn(baseUrl);
    HttpResponse<String> loggedOut =
        logout(app, app.signIn(email, "openid", Map.of()), "io.stride.app:/signed-out", "s");
    assertThat(BrowserSession.location(loggedOut)).isEqualTo("io.stride.app:/signed-out?state=s");
  }

  @Test
  void anUnregisteredPostLogoutUriIsRefusedWithAPageAndTheSessionStays() {
    AppSignIn app = new AppSignIn(baseUrl);
    JsonNode tokens = app.signIn(email, "openid", Map.of());

    HttpResponse<String> refused = logout(app, tokens, "https://evil.example/signed-out", "s");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body()).contains("<html lang=\"en\"").contains("You were not signed out");

    assertThat(app.authorizeSilently("openid", Map.of()).has("id_token")).isTrue();
  }

  @Test
  void anUnregisteredPostLogoutUriIsAProblemForAClientThatIsNotABrowser() {
    AppSignIn app = new AppSignIn(baseUrl);
    JsonNode tokens = app.signIn(email, "openid", Map.of());

    Reply refused =
        http.get(
            "/connect/logout?"
                + BrowserSession.encode(
                    Map.of(
                        "id_token_hint",
                        tokens.get("id_token").asString(),
                        "post_logout_redirect_uri",
                        "https://evil.example/signed-out")),
            null);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("error").asString()).isEqualTo("invalid_request");
    assertThat(refused.json().get("detail").asString()).contains("post_logout_redirect_uri");
  }

  @Test
  void logoutWithoutAPostLogoutUriEndsOnTheSignedOutPage() {
    AppSignIn app = new AppSignIn(baseUrl);
    JsonNode tokens = app.signIn(email, "openid", Map.of());

    HttpResponse<String> loggedOut =
        app.browser.get(
            "/connect/logout?"
                + BrowserSession.encode(
                    Map.of("id_token_hint", tokens.get("id_token").asString())));
    assertThat(BrowserSession.location(loggedOut)).endsWith("/login?logout");
    assertThat(app.browser.follow(loggedOut).body()).contains("You have been signed out");
    assertThat(BrowserSession.location(app.browser.get("/account"))).endsWith("/login");
  }

  @Test
  void eachBrowserOfTheSameUserSignsOutOnItsOwn() {
    AppSignIn first = new AppSignIn(baseUrl);
    AppSignIn second = new AppSignIn(baseUrl);
    String firstSid = sid(first.signIn(email, "openid", Map.of()));
    String secondSid = sid(second.signIn(email, "openid", Map.of()));
    assertThat(secondSid).isNotEqualTo(firstSid);

    // the first browser signs the app in again after the second one did
    JsonNode firstAgain = first.authorizeSilently("openid", Map.of());
    assertThat(sid(firstAgain)).isEqualTo(firstSid);

    HttpResponse<String> firstOut = logout(first, firstAgain, SIGNED_OUT, "one");
    assertThat(BrowserSession.location(firstOut)).isEqualTo(SIGNED_OUT + "?state=one");
    assertThat(BrowserSession.location(first.browser.get(first.request("openid", Map.of()).url())))
        .endsWith("/login");

    JsonNode secondAgain = second.authorizeSilently("openid", Map.of("prompt", "none"));
    assertThat(sid(secondAgain)).isEqualTo(secondSid);
    HttpResponse<String> secondOut = logout(second, secondAgain, SIGNED_OUT, "two");
    assertThat(BrowserSession.location(secondOut)).isEqualTo(SIGNED_OUT + "?state=two");
  }

  private Reply revoke(String token, String clientId) {
    return http.send(
        formPost(
            baseUrl,
            "/oauth2/revoke",
            BrowserSession.encode(
                Map.of("token", token, "token_type_hint", "refresh_token", "client_id", clientId)),
            null));
  }

  private static HttpResponse<String> logout(
      AppSignIn app, JsonNode tokens, String postLogoutRedirectUri, String state) {
    return app.browser.get(
        "/connect/logout?"
            + BrowserSession.encode(
                Map.of(
                    "id_token_hint", tokens.get("id_token").asString(),
                    "post_logout_redirect_uri", postLogoutRedirectUri,
                    "state", state)));
  }

  private static String sid(JsonNode tokens) {
    return AppSignIn.idTokenClaims(tokens).get("sid").asString();
  }
}
