package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Forgot your password?": the link goes out as {@code PasswordResetRequested} on the
 * account-emails topic, works once and for 30 minutes, and setting the new password ends every
 * sign-in and is announced as {@code PasswordChanged}. The answer to a request is the same whether
 * or not the email has an account.
 */
@StrideIntegrationTest
class PasswordResetIntegrationTests {

  static final String NEW_PASSWORD = "a brand new passphrase 42";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String baseUrl;
  String email;
  String userId;
  BrowserSession browser;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    email = AuthTestSupport.registered(new HttpJson(baseUrl));
    userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);
    browser = new BrowserSession(baseUrl);
  }

  @Test
  void theEmailedLinkSetsANewPasswordOnceAndTheOldOneStopsWorking() {
    String link = requestLink(browser);
    assertThat(link).startsWith("http://stride.test/reset-password?token=");

    HttpResponse<String> opened = browser.get(pathOf(link));
    assertThat(BrowserSession.location(opened))
        .as("the token leaves the address at once")
        .endsWith("/reset-password");
    HttpResponse<String> form = browser.follow(opened);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("<title>Choose a new password – Stride</title>")
        .contains(email);

    HttpResponse<String> weak = setPassword(form, "password1");
    assertThat(weak.statusCode()).isEqualTo(422);
    assertThat(weak.body()).contains("id=\"password-error\"").contains("aria-invalid=\"true\"");

    HttpResponse<String> done = setPassword(weak, NEW_PASSWORD);
    assertThat(BrowserSession.location(done)).endsWith("/login?reset");
    HttpResponse<String> signIn = browser.follow(done);
    assertThat(signIn.body())
        .contains("Your password is changed")
        .contains("value=\"" + email + "\"");

    assertThat(
            BrowserSession.location(
                new BrowserSession(baseUrl).signIn(email, AuthTestSupport.PASSWORD)))
        .as("the old password")
        .endsWith("/login?error");
    assertThat(BrowserSession.location(new BrowserSession(baseUrl).signIn(email, NEW_PASSWORD)))
        .endsWith("/account");

    HttpResponse<String> again = browser.follow(browser.get(pathOf(link)));
    assertThat(again.statusCode()).as("a used link, same browser").isEqualTo(410);
    assertThat(again.body()).contains("This link no longer works");
    BrowserSession elsewhere = new BrowserSession(baseUrl);
    assertThat(elsewhere.follow(elsewhere.get(pathOf(link))).statusCode())
        .as("a used link, another browser")
        .isEqualTo(410);
  }

  @Test
  void aNewPasswordIsAnnouncedAsPasswordChangedWithoutTheLinkOrThePassword() {
    HttpResponse<String> form = browser.follow(browser.get(pathOf(requestLink(browser))));
    try (TopicReader users = new TopicReader(AuthTopics.USERS.name())) {
      Instant before = Instant.now();
      assertThat(BrowserSession.location(setPassword(form, NEW_PASSWORD))).endsWith("/login?reset");

      var changed =
          users.await(AuthTestSupport.eventOf("PasswordChanged", userId), Duration.ofSeconds(20));
      assertThat(changed).hasSize(1);
      JsonNode envelope = HttpJson.parse(changed.get(0).value());
      assertThat(envelope.get("subject").asString()).isEqualTo(userId);
      JsonNode payload = envelope.get("payload");
      assertThat(payload.propertyNames()).containsExactlyInAnyOrder("userId", "changedAt");
      assertThat(payload.get("userId").asString()).isEqualTo(userId);
      assertThat(Instant.parse(payload.get("changedAt").asString()))
          .isBetween(before.minusSeconds(1), Instant.now());
      assertThat(changed.get(0).value()).doesNotContain(email, NEW_PASSWORD, "token");
    }
  }

  @Test
  void aLinkSubmittedTwiceAtOnceSetsThePasswordOnce() throws Exception {
    String link = requestLink(browser);
    BrowserSession first = new BrowserSession(baseUrl);
    BrowserSession second = new BrowserSession(baseUrl);
    HttpResponse<String> firstForm = first.follow(first.get(pathOf(link)));
    HttpResponse<String> secondForm = second.follow(second.get(pathOf(link)));

    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<String>> a =
          both.submit(() -> setPassword(first, firstForm, NEW_PASSWORD));
      Future<HttpResponse<String>> b =
          both.submit(() -> setPassword(second, secondForm, "another new passphrase 7"));
      List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
      assertThat(statuses).containsExactlyInAnyOrder(302, 410);
    } finally {
      both.shutdownNow();
    }
  }

  @Test
  void aResetEndsTheAppsRefreshTokensAndTheOtherBrowsersSessions() {
    JsonNode app =
        new OAuthFlows(baseUrl).signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid");
    BrowserSession otherBrowser = new BrowserSession(baseUrl);
    otherBrowser.signIn(email, AuthTestSupport.PASSWORD);
    assertThat(otherBrowser.get("/account").statusCode()).isEqualTo(200);

    HttpResponse<String> form = browser.follow(browser.get(pathOf(requestLink(browser))));
    assertThat(BrowserSession.location(setPassword(form, NEW_PASSWORD))).endsWith("/login?reset");

    HttpJson.Reply refresh =
        new OAuthFlows(baseUrl)
            .refresh(OAuthFlows.MOBILE_CLIENT, app.get("refresh_token").asString());
    assertThat(refresh.status()).isEqualTo(400);
    assertThat(refresh.json().get("error").asString()).isEqualTo("invalid_grant");
    assertThat(BrowserSession.location(otherBrowser.get("/account"))).endsWith("/login?expired");
  }

  @Test
  void anEmailWithoutAnAccountGetsTheSameAnswerAndNoLinkIsMade() {
    String stranger = AuthTestSupport.newEmail();
    HttpResponse<String> unknown = ask(new BrowserSession(baseUrl), stranger);
    // requests are handled one at a time in order: once this link exists, the stranger's is done
    requestLink(browser);
    HttpResponse<String> known = ask(new BrowserSession(baseUrl), email);

    assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
    assertThat(unknown.body().replace(stranger, "EMAIL"))
        .isEqualTo(known.body().replace(email, "EMAIL"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from auth.outbox_event where envelope::text like ?",
                Integer.class,
                "%" + stranger + "%"))
        .isZero();
  }

  @Test
  void noMoreThanThreeLinksPerAccountIn15Minutes() {
    for (int i = 0; i < 5; i++) {
      ask(new BrowserSession(baseUrl), email);
    }
    // requests are handled one at a time in order: once another account's link is out, these are
    new Other(baseUrl).awaitLink();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from auth.password_reset where account_id = ?::uuid",
                Integer.class,
                userId))
        .isEqualTo(3);
  }

  @Test
  void aLinkOlderThan30MinutesNoLongerWorks() {
    String link = requestLink(browser);
    jdbc.update(
        "update auth.password_reset set expires_at = now() - interval '1 second'"
            + " where account_id = ?::uuid",
        userId);

    HttpResponse<String> expired = browser.follow(browser.get(pathOf(link)));
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("Send a new link");
  }

  @Test
  void theSignInPageLinksToTheResetAndABlankEmailIsNamedAsTheFieldToFix() {
    assertThat(browser.get("/login").body()).contains("href=\"/forgot-password\"");
    HttpResponse<String> form = browser.get("/forgot-password");
    HttpResponse<String> blank =
        browser.postForm(
            "/forgot-password",
            Map.of("email", " ", "_csrf", BrowserSession.csrfToken(form.body())));
    assertThat(blank.statusCode()).isEqualTo(422);
    assertThat(blank.body()).contains("id=\"email-error\"").contains("aria-invalid=\"true\"");
  }

  /** Asks for a link for the test's account and returns the one the event carries. */
  private String requestLink(BrowserSession session) {
    try (TopicReader reader = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      assertThat(ask(session, email).body()).contains("Check your email");
      var events =
          reader.await(
              AuthTestSupport.eventOf("PasswordResetRequested", userId), Duration.ofSeconds(20));
      assertThat(events).hasSize(1);
      JsonNode envelope = HttpJson.parse(events.get(0).value());
      assertThat(envelope.get("type").asString()).isEqualTo("PasswordResetRequested");
      JsonNode payload = envelope.get("payload");
      assertThat(payload.get("email").asString()).isEqualTo(email);
      assertThat(payload.get("displayName").asString()).isEqualTo("Test Athlete");
      String link = payload.get("resetUrl").asString();
      String token = link.substring(link.indexOf("token=") + "token=".length());
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from auth.password_reset where token_hash = ?",
                  Integer.class,
                  token))
          .as("only the hash is stored")
          .isZero();
      return link;
    }
  }

  /** Another account asking for its link. */
  private final class Other {
    private final String otherEmail;
    private final String otherId;

    Other(String baseUrl) {
      otherEmail = AuthTestSupport.registered(new HttpJson(baseUrl));
      otherId =
          jdbc.queryForObject(
              "select id::text from auth.account where email = ?", String.class, otherEmail);
    }

    void awaitLink() {
      try (TopicReader reader = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
        ask(new BrowserSession(baseUrl), otherEmail);
        assertThat(
                reader.await(
                    AuthTestSupport.eventOf("PasswordResetRequested", otherId),
                    Duration.ofSeconds(20)))
            .hasSize(1);
      }
    }
  }

  private static HttpResponse<String> ask(BrowserSession session, String address) {
    HttpResponse<String> form = session.get("/forgot-password");
    return session.postForm(
        "/forgot-password",
        Map.of("email", address, "_csrf", BrowserSession.csrfToken(form.body())));
  }

  private HttpResponse<String> setPassword(HttpResponse<String> page, String password) {
    return setPassword(browser, page, password);
  }

  private static HttpResponse<String> setPassword(
      BrowserSession session, HttpResponse<String> page, String password) {
    return session.postForm(
        "/reset-password",
        Map.of("password", password, "_csrf", BrowserSession.csrfToken(page.body())));
  }

  private static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }
}
