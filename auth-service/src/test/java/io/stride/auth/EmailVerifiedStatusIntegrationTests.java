package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the verification changes for the owner and for apps: the account page says whether the
 * address is verified and sends the link again (at most three links in 15 minutes, the first one
 * included), and OpenID Connect's {@code email_verified} tells the truth.
 */
@StrideIntegrationTest
class EmailVerifiedStatusIntegrationTests {

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
  void theEmailVerifiedClaimIsFalseUntilTheOwnerConfirmsTheLinkThenTrue() {
    JsonNode before = new AppSignIn(baseUrl).signIn(email, "openid email", Map.of());
    assertThat(AppSignIn.idTokenClaims(before).get("email_verified").asBoolean(true)).isFalse();
    assertThat(userInfo(before).get("email_verified").asBoolean(true)).isFalse();

    verifyWithTheEmailedLink();

    assertThat(userInfo(before).get("email_verified").asBoolean(false))
        .as("userinfo reads the account now")
        .isTrue();
    JsonNode after = new AppSignIn(baseUrl).signIn(email, "openid email", Map.of());
    assertThat(AppSignIn.idTokenClaims(after).get("email_verified").asBoolean(false)).isTrue();
    assertThat(AppSignIn.idTokenClaims(after).get("email").asString()).isEqualTo(email);
  }

  @Test
  void theAccountPageSaysTheAddressIsNotVerifiedAndSendsTheLinkAgain() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> page = browser.get("/account");
    assertThat(page.body())
        .contains("Your email address is not verified yet")
        .contains("Send the link again");

    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      HttpResponse<String> sent = browser.submit(page, "Send the link again");
      assertThat(BrowserSession.location(sent)).endsWith("/account");
      assertThat(browser.follow(sent).body())
          .contains("role=\"status\"")
          .contains("We sent a new link to your email address.")
          .contains("24</span> hours");
      var links =
          emails.await(
              AuthTestSupport.eventOf("EmailVerificationRequested", userId),
              2,
              Duration.ofSeconds(20));
      assertThat(links).hasSize(2);
      assertThat(links.get(0).value()).isNotEqualTo(links.get(1).value());
    }
  }

  @Test
  void theAccountPageOfAVerifiedAddressSaysSoAndOffersNoLink() {
    verifyWithTheEmailedLink();
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> page = browser.get("/account");
    assertThat(page.body())
        .contains("Your email address is verified.")
        .doesNotContain("Send the link again");

    HttpResponse<String> anyway =
        browser.postForm(
            "/account/verification-link", Map.of("_csrf", BrowserSession.csrfToken(page.body())));
    assertThat(BrowserSession.location(anyway)).endsWith("/account");
    assertThat(links()).as("no new link").isEqualTo(1);
  }

  @Test
  void noMoreThanThreeLinksPerAccountIn15MinutesTheFirstIncluded() {
    browser.signIn(email, AuthTestSupport.PASSWORD);
    HttpResponse<String> page = browser.get("/account");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> sent = browser.submit(page, "Send the link again");
      assertThat(BrowserSession.location(sent)).endsWith("/account");
      page = browser.follow(sent);
    }

    HttpResponse<String> refused = browser.submit(page, "Send the link again");
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("You asked for several links in a short time")
        .contains("ask again in 15 minutes.");
    assertThat(links()).isEqualTo(3);
  }

  private void verifyWithTheEmailedLink() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      var sent =
          emails.await(
              AuthTestSupport.eventOf("EmailVerificationRequested", userId),
              Duration.ofSeconds(20));
      assertThat(sent).hasSize(1);
      String link = EmailVerificationIntegrationTests.linkFrom(HttpJson.parse(sent.get(0).value()));
      BrowserSession mailbox = new BrowserSession(baseUrl);
      HttpResponse<String> question =
          mailbox.follow(mailbox.get(EmailVerificationIntegrationTests.pathOf(link)));
      HttpResponse<String> confirmed = mailbox.submit(question, "Confirm my email address");
      assertThat(mailbox.follow(confirmed).body()).contains("Email address verified");
    }
  }

  private int links() {
    return jdbc.queryForObject(
        "select count(*) from auth.email_verification where account_id = ?::uuid",
        Integer.class,
        userId);
  }

  private JsonNode userInfo(JsonNode tokens) {
    HttpJson.Reply reply =
        new HttpJson(baseUrl).get("/userinfo", tokens.get("access_token").asString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }
}
