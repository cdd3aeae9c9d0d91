package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.OAuthFlows.Pkce;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages a person sees while signing in, approving an app, connecting a device and signing out:
 * ours, in words, with working buttons and no Whitelabel or JSON in a browser. (The browser test in
 * system-tests walks the same pages in Chromium and checks their accessibility.)
 */
@StrideIntegrationTest
class AuthPagesIntegrationTests {

  static final String CONSENTING_APP = "consenting-app";

  @LocalServerPort int port;
  String baseUrl;
  String email;
  BrowserSession browser;
  OAuthFlows oauth;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    email = AuthTestSupport.registered(new HttpJson(baseUrl));
    browser = new BrowserSession(baseUrl);
    oauth = new OAuthFlows(baseUrl);
  }

  @Test
  void theConsentPageNamesTheAppTheAccountAndWhatEachScopeAllowsAndAllowSendsACode() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    Pkce pkce = Pkce.create();
    HttpResponse<String> page = browser.follow(browser.get(authorizeUrl(pkce, "allow-1")));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"en\"")
        .contains("<title>Allow Consenting test app? – Stride</title>")
        .contains("Allow Consenting test app to use your Stride account?")
        .contains(email)
        .contains("Sign you in with your Stride account")
        .contains("See your name")
        .doesNotContain("<script")
        .doesNotContain("https://");

    Map<String, String> answer =
        OAuthFlows.query(BrowserSession.location(browser.submit(page, "Allow")));
    assertThat(answer.get("state")).isEqualTo("allow-1");
    HttpJson.Reply tokens =
        oauth.tokenRequest(
            Map.of(
                "grant_type",
                "authorization_code",
                "client_id",
                CONSENTING_APP,
                "code",
                answer.get("code"),
                "redirect_uri",
                OAuthFlows.MOBILE_REDIRECT,
                "code_verifier",
                pkce.verifier()),
            null);
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(tokens.json().get("scope").asString()).contains("openid").contains("profile");
  }

  @Test
  void cancelOnTheConsentPageSendsAccessDeniedBackToTheApp() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> page =
        browser.follow(browser.get(authorizeUrl(Pkce.create(), "cancel-1")));

    HttpResponse<String> cancelled = browser.submit(page, "Cancel");
    String location = BrowserSession.location(cancelled);
    assertThat(location).startsWith(OAuthFlows.MOBILE_REDIRECT);
    Map<String, String> answer = OAuthFlows.query(location);
    assertThat(answer.get("error")).isEqualTo("access_denied");
    assertThat(answer.get("state")).isEqualTo("cancel-1");
    assertThat(answer).doesNotContainKey("code");
  }

  @Test
  void cancelRefusesEvenWhenTheUserApprovedPartOfTheRequestBefore() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> first =
        browser.follow(browser.get(authorizeUrl(Pkce.create(), "first", "openid profile")));
    assertThat(OAuthFlows.query(BrowserSession.location(browser.submit(first, "Allow"))))
        .containsKey("code");

    HttpResponse<String> more =
        browser.follow(browser.get(authorizeUrl(Pkce.create(), "more", "openid profile email")));
    Map<String, String> answer =
        OAuthFlows.query(BrowserSession.location(browser.submit(more, "Cancel")));
    assertThat(answer.get("error")).isEqualTo("access_denied");
    assertThat(answer).doesNotContainKey("code");
  }

  @Test
  void theConsentPageShowsOnlyScopesTheAppIsRegisteredFor() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> crafted =
        browser.get(
            "/oauth2/consent?client_id="
                + CONSENTING_APP
                + "&state=x&scope=openid%20Your%20account%20is%20locked");
    assertThat(crafted.statusCode()).isEqualTo(400);
    assertThat(crafted.body()).contains("This approval link is not valid").doesNotContain("locked");
  }

  @Test
  void everyNewDeviceIsConfirmedEvenAfterTheUserApprovedAnEarlierOne() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    String firstCode =
        oauth.deviceAuthorization("readings:write").json().get("user_code").asString();
    assertThat(BrowserSession.location(oauth.approveDevice(browser, firstCode, "readings:write")))
        .endsWith("/activate/done");

    HttpJson.Reply second = oauth.deviceAuthorization("readings:write");
    String secondCode = second.json().get("user_code").asString();
    HttpResponse<String> confirmation = enterCode(secondCode);
    assertThat(confirmation.statusCode()).isEqualTo(200);
    assertThat(confirmation.body())
        .contains("Connect this Fitness tracker?")
        .contains(secondCode)
        .contains("Send readings and live workouts from a tracker")
        .contains(email);

    HttpResponse<String> cancelled = browser.submit(confirmation, "Cancel");
    assertThat(BrowserSession.location(cancelled)).endsWith("/activate/declined");
    assertThat(browser.follow(cancelled).body()).contains("Device not connected");
    HttpJson.Reply poll = oauth.pollDeviceToken(second.json().get("device_code").asString());
    assertThat(poll.status()).isEqualTo(400);
    assertThat(poll.json().get("error").asString()).isEqualTo("access_denied");
  }

  @Test
  void connectOnTheDeviceConfirmationConnectsTheDevice() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpJson.Reply device = oauth.deviceAuthorization("readings:write");
    HttpResponse<String> confirmation = enterCode(device.json().get("user_code").asString());

    HttpResponse<String> connected = browser.submit(confirmation, "Connect");
    assertThat(BrowserSession.location(connected)).endsWith("/activate/done");
    HttpJson.Reply tokens = oauth.pollDeviceToken(device.json().get("device_code").asString());
    assertThat(tokens.status()).isEqualTo(200);
    assertThat(tokens.json().get("scope").asString()).isEqualTo("readings:write");
  }

  @Test
  void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", OAuthFlows.MOBILE_CLIENT);
    parameters.put("redirect_uri", "https://evil.example/callback");
    parameters.put("scope", "openid");
    parameters.put("state", "s");
    parameters.put("code_challenge", Pkce.create().challenge());
    parameters.put("code_challenge_method", "S256");

    HttpResponse<String> refused =
        browser.get("/oauth2/authorize?" + BrowserSession.encode(parameters));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(refused.body())
        .contains("<html lang=\"en\"")
        .contains("<title>Something in this link is not right – Stride</title>")
        .contains("has not registered with Stride");
  }

  @Test
  void aBrowserGetsAPageForAnUnknownAddressAndAnApiClientAProblem() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> page = browser.get("/no-such-page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<title>Page not found – Stride</title>");

    HttpJson.Reply api = new HttpJson(baseUrl).get("/api/v1/no-such-thing", null);
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void getLogoutAsksFirstAndTheFormSignsOut() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> question = browser.get("/logout");
    assertThat(question.statusCode()).isEqualTo(200);
    assertThat(question.body()).contains("<title>Sign out – Stride</title>");
    assertThat(browser.get("/account").statusCode()).as("still signed in").isEqualTo(200);

    HttpResponse<String> signedOut = browser.submit(question, "Sign out");
    assertThat(BrowserSession.location(signedOut)).endsWith("/login?logout");
    assertThat(browser.follow(signedOut).body()).contains("You have been signed out");
    assertThat(BrowserSession.location(browser.get("/account"))).endsWith("/login");
    assertThat(BrowserSession.location(browser.get("/logout")))
        .as("signed out already: nothing to ask")
        .endsWith("/login?logout");
  }

  @Test
  void signingInWithoutAnAppLandsOnTheAccountPage() {
    HttpResponse<String> signedIn = browser.signIn(email, AuthTestSupport.PASSWORD);
    assertThat(BrowserSession.location(signedIn)).endsWith("/account");
    assertThat(browser.follow(signedIn).body()).contains("Test Athlete").contains(email);
  }

  @Test
  void aWrongPasswordKeepsTheEmailAndTiesTheAnnouncedErrorToTheFields() {
    HttpResponse<String> failed = browser.follow(browser.signIn(email, "not the password"));
    assertThat(failed.body())
        .contains("<title>Sign in failed – Stride</title>")
        .contains("role=\"alert\"")
        .contains("aria-describedby=\"sign-in-error\"")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"" + email + "\"")
        .contains("href=\"/register\"");

    // once: a later visit starts empty
    assertThat(browser.get("/login").body()).doesNotContain("value=\"" + email + "\"");
  }

  @Test
  void theRegistrationPageNamesTheFieldToFixThenSendsToSignInWithTheEmail() {
    HttpResponse<String> form = browser.get("/register");
    String csrf = BrowserSession.csrfToken(form.body());
    String newEmail = AuthTestSupport.newEmail();

    HttpResponse<String> tooShort =
        browser.postForm(
            "/register",
            Map.of("displayName", "Grace", "email", newEmail, "password", "short", "_csrf", csrf));
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body())
        .contains("id=\"password-error\"")
        .contains("Must be at least 10 characters long.")
        .contains("aria-describedby=\"password-error password-hint\"")
        .contains("value=\"" + newEmail + "\"")
        .doesNotContain("value=\"short\"");

    HttpResponse<String> registered =
        browser.postForm(
            "/register",
            Map.of(
                "displayName",
                "Grace",
                "email",
                newEmail,
                "password",
                AuthTestSupport.PASSWORD,
                "_csrf",
                BrowserSession.csrfToken(tooShort.body())));
    assertThat(BrowserSession.location(registered)).endsWith("/login?registered");
    HttpResponse<String> signIn = browser.follow(registered);
    assertThat(signIn.body()).contains("value=\"" + newEmail + "\"");
    assertThat(BrowserSession.location(browser.signIn(newEmail, AuthTestSupport.PASSWORD)))
        .endsWith("/account");
  }

  private HttpResponse<String> enterCode(String userCode) {
    HttpResponse<String> form = browser.follow(browser.get("/activate"));
    return browser.follow(
        browser.postForm(
            "/activate",
            Map.of("user_code", userCode, "_csrf", BrowserSession.csrfToken(form.body()))));
  }

  private static String authorizeUrl(Pkce pkce, String state) {
    return authorizeUrl(pkce, state, "openid profile");
  }

  private static String authorizeUrl(Pkce pkce, String state, String scope) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", CONSENTING_APP);
    parameters.put("redirect_uri", OAuthFlows.MOBILE_REDIRECT);
    parameters.put("scope", scope);
    parameters.put("state", state);
    parameters.put("code_challenge", pkce.challenge());
    parameters.put("code_challenge_method", "S256");
    return "/oauth2/authorize?" + BrowserSession.encode(parameters);
  }
}
