package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.OAuthFlows.Pkce;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OpenID Connect's {@code prompt} and {@code max_age}: {@code prompt=none} never shows a page and
 * answers the app's redirect URI; {@code prompt=login} and a sign-in older than {@code max_age} ask
 * for a new sign-in even with a session; {@code auth_time} is the time of the sign-in.
 */
@StrideIntegrationTest
class OpenIdPromptIntegrationTests {

  @LocalServerPort int port;
  String baseUrl;
  String email;
  AppSignIn app;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    email = AuthTestSupport.registered(new HttpJson(baseUrl));
    app = new AppSignIn(baseUrl);
  }

  @Test
  void promptNoneWithoutSessionAnswersLoginRequiredAtTheRedirectUri() {
    AppSignIn.Request request = app.request("openid", Map.of("prompt", "none"));
    Map<String, String> answer = AppSignIn.answerToTheApp(app.browser.get(request.url()));
    assertThat(answer.get("error")).isEqualTo("login_required");
    assertThat(answer.get("state")).isEqualTo(request.state());
    assertThat(answer).doesNotContainKey("code");
  }

  @Test
  void promptNoneWithSessionSignsInWithoutAPage() {
    app.signIn(email, "openid", Map.of());
    JsonNode tokens = app.authorizeSilently("openid profile", Map.of("prompt", "none"));
    assertThat(AppSignIn.idTokenClaims(tokens).get("name").asString()).isEqualTo("Test Athlete");
  }

  @Test
  void promptNoneWhenConsentWouldBeNeededAnswersConsentRequired() {
    app.signIn(email, "openid", Map.of());
    String redirect = OAuthFlows.MOBILE_REDIRECT;
    HttpResponse<String> response =
        app.browser.get(
            "/oauth2/authorize?"
                + BrowserSession.encode(
                    Map.of(
                        "response_type", "code",
                        "client_id", "consenting-app",
                        "redirect_uri", redirect,
                        "scope", "openid profile",
                        "state", "s-consent",
                        "code_challenge", Pkce.create().challenge(),
                        "code_challenge_method", "S256",
                        "prompt", "none")));
    Map<String, String> answer = AppSignIn.answerToTheApp(response);
    assertThat(answer.get("error")).isEqualTo("consent_required");
    assertThat(answer.get("state")).isEqualTo("s-consent");
  }

  @Test
  void promptLoginAsksForANewSignInEvenWithASession() {
    long firstSignIn =
        AppSignIn.idTokenClaims(app.signIn(email, "openid", Map.of())).get("auth_time").asLong();

    AppSignIn.Request again = app.request("openid", Map.of("prompt", "login"));
    HttpResponse<String> response = app.browser.get(again.url());
    assertThat(BrowserSession.location(response)).endsWith("/login");

    long before = Instant.now().getEpochSecond();
    JsonNode tokens = app.signInAndExchange(email, again);
    long authTime = AppSignIn.idTokenClaims(tokens).get("auth_time").asLong();
    assertThat(authTime).isGreaterThanOrEqualTo(before).isGreaterThanOrEqualTo(firstSignIn);

    // the new sign-in answered that request only: the next prompt=login asks again
    assertThat(
            BrowserSession.location(
                app.browser.get(app.request("openid", Map.of("prompt", "login")).url())))
        .endsWith("/login");
  }

  @Test
  void promptLoginWithoutSessionNeedsOneSignInOnly() {
    JsonNode tokens = app.signIn(email, "openid", Map.of("prompt", "login"));
    assertThat(AppSignIn.idTokenClaims(tokens).has("auth_time")).isTrue();
  }

  @Test
  void aSignInOlderThanMaxAgeAsksForANewOneAndAYoungerOneDoesNot() {
    long signedIn =
        AppSignIn.idTokenClaims(app.signIn(email, "openid", Map.of())).get("auth_time").asLong();

    JsonNode recent = app.authorizeSilently("openid", Map.of("max_age", "3600"));
    assertThat(AppSignIn.idTokenClaims(recent).get("auth_time").asLong()).isEqualTo(signedIn);

    AppSignIn.Request tooOld = app.request("openid", Map.of("max_age", "0"));
    assertThat(BrowserSession.location(app.browser.get(tooOld.url()))).endsWith("/login");
    JsonNode fresh = app.signInAndExchange(email, tooOld);
    assertThat(AppSignIn.idTokenClaims(fresh).get("auth_time").asLong())
        .isGreaterThanOrEqualTo(signedIn);
  }

  @Test
  void promptNoneWithASignInOlderThanMaxAgeAnswersLoginRequired() {
    app.signIn(email, "openid", Map.of());
    AppSignIn.Request request = app.request("openid", Map.of("prompt", "none", "max_age", "0"));
    Map<String, String> answer = AppSignIn.answerToTheApp(app.browser.get(request.url()));
    assertThat(answer.get("error")).isEqualTo("login_required");
    assertThat(answer.get("state")).isEqualTo(request.state());
  }

  @Test
  void aMaxAgeThatIsNotANumberOfSecondsIsRefusedAtTheRedirectUri() {
    app.signIn(email, "openid", Map.of());
    AppSignIn.Request request = app.request("openid", Map.of("max_age", "an hour"));
    Map<String, String> answer = AppSignIn.answerToTheApp(app.browser.get(request.url()));
    assertThat(answer.get("error")).isEqualTo("invalid_request");
    assertThat(answer.get("error_description")).contains("max_age");
  }
}
