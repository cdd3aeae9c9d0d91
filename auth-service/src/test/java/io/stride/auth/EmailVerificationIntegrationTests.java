package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A new account's address goes to notification-service ({@code AccountContactChanged}, not
 * verified) with a link ({@code EmailVerificationRequested}) that works once and for 24 hours;
 * opening it changes nothing until the owner confirms, which marks the address verified and
 * announces the next contact version.
 */
@StrideIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EmailVerificationIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  String baseUrl;
  BrowserSession browser;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    browser = new BrowserSession(baseUrl);
  }

  @Test
  void registrationAnnouncesTheUnverifiedAddressAndALinkValidFor24Hours(CapturedOutput output) {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      Instant before = Instant.now();
      String email = AuthTestSupport.registered(new HttpJson(baseUrl));
      String userId = accountId(email);

      JsonNode contact = only(emails, "AccountContactChanged", userId);
      assertThat(contact.get("subject").asString()).isEqualTo(userId);
      assertThat(contact.get("payload").get("userId").asString()).isEqualTo(userId);
      assertThat(contact.get("payload").get("email").asString()).isEqualTo(email);
      assertThat(contact.get("payload").get("emailVerified").asBoolean()).isFalse();
      assertThat(contact.get("payload").get("version").asLong()).isEqualTo(1);

      JsonNode link = only(emails, "EmailVerificationRequested", userId).get("payload");
      assertThat(link.get("email").asString()).isEqualTo(email);
      assertThat(link.get("displayName").asString()).isEqualTo("Test Athlete");
      String verifyUrl = link.get("verifyUrl").asString();
      assertThat(verifyUrl).startsWith("http://stride.test/verify-email?token=");
      assertThat(Instant.parse(link.get("expiresAt").asString()))
          .isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));

      String token = tokenOf(verifyUrl);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from auth.email_verification where token_hash = ?",
                  Integer.class,
                  sha256(token)))
          .as("the hash is stored")
          .isEqualTo(1);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from auth.email_verification where token_hash = ?",
                  Integer.class,
                  token))
          .as("the token is not")
          .isZero();
      assertThat(output.getAll()).as("the token in no log line").doesNotContain(token);
    }
  }

  @Test
  void theRegistrationPageSendsALinkToo() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      String email = AuthTestSupport.newEmail();
      HttpResponse<String> form = browser.get("/register");
      HttpResponse<String> registered =
          browser.postForm(
              "/register",
              Map.of(
                  "displayName",
                  "Grace",
                  "email",
                  email,
                  "password",
                  AuthTestSupport.PASSWORD,
                  "_csrf",
                  BrowserSession.csrfToken(form.body())));
      assertThat(BrowserSession.location(registered)).endsWith("/login?registered");
      String userId = accountId(email);

      assertThat(only(emails, "AccountContactChanged", userId).get("payload").get("email"))
          .hasToString('"' + email + '"');
      assertThat(only(emails, "EmailVerificationRequested", userId).get("payload").get("email"))
          .hasToString('"' + email + '"');
    }
  }

  @Test
  void theLinkVerifiesTheAddressOnceAfterTheOwnerConfirms() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      String email = AuthTestSupport.registered(new HttpJson(baseUrl));
      String userId = accountId(email);
      String link = linkFrom(only(emails, "EmailVerificationRequested", userId));

      HttpResponse<String> opened = browser.get(pathOf(link));
      assertThat(BrowserSession.location(opened))
          .as("the token leaves the address at once")
          .endsWith("/verify-email");
      HttpResponse<String> question = browser.follow(opened);
      assertThat(question.statusCode()).isEqualTo(200);
      assertThat(question.body())
          .contains("<title>Confirm your email address – Stride</title>")
          .contains(email);
      assertThat(verified(userId)).as("opening the link changes nothing").isFalse();

      HttpResponse<String> confirmed = browser.submit(question, "Confirm my email address");
      assertThat(BrowserSession.location(confirmed)).endsWith("/verify-email");
      assertThat(browser.follow(confirmed).body())
          .contains("<title>Email address verified – Stride</title>")
          .contains(email);
      assertThat(verified(userId)).isTrue();

      var contacts =
          emails.await(
              AuthTestSupport.eventOf("AccountContactChanged", userId), 2, Duration.ofSeconds(20));
      assertThat(contacts).hasSize(2);
      JsonNode now = HttpJson.parse(contacts.get(1).value()).get("payload");
      assertThat(now.get("email").asString()).isEqualTo(email);
      assertThat(now.get("emailVerified").asBoolean()).isTrue();
      assertThat(now.get("version").asLong()).isEqualTo(2);

      assertGone(browser, link, "a used link, same browser");
      assertGone(new BrowserSession(baseUrl), link, "a used link, another browser");
    }
  }

  @Test
  void aLinkOpenedByAScannerStillWorksForTheOwner() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      String userId = accountId(AuthTestSupport.registered(new HttpJson(baseUrl)));
      String link = linkFrom(only(emails, "EmailVerificationRequested", userId));

      BrowserSession scanner = new BrowserSession(baseUrl);
      assertThat(scanner.follow(scanner.get(pathOf(link))).statusCode()).isEqualTo(200);
      assertThat(scanner.follow(scanner.get(pathOf(link))).statusCode()).isEqualTo(200);

      HttpResponse<String> question = browser.follow(browser.get(pathOf(link)));
      browser.submit(question, "Confirm my email address");
      assertThat(verified(userId)).isTrue();
    }
  }

  @Test
  void aLinkOlderThan24HoursNoLongerWorks() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      String userId = accountId(AuthTestSupport.registered(new HttpJson(baseUrl)));
      String link = linkFrom(only(emails, "EmailVerificationRequested", userId));
      HttpResponse<String> question = browser.follow(browser.get(pathOf(link)));
      jdbc.update(
          "update auth.email_verification set expires_at = now() - interval '1 second'"
              + " where account_id = ?::uuid",
          userId);

      HttpResponse<String> late = browser.submit(question, "Confirm my email address");
      assertThat(late.statusCode()).as("confirmed too late").isEqualTo(410);
      assertGone(browser, link, "opened too late");
      assertThat(verified(userId)).isFalse();
    }
  }

  @Test
  void anUnknownLinkOrAConfirmationWithoutOneGetsTheGonePage() {
    assertGone(browser, "http://stride.test/verify-email?token=not-a-token-we-sent", "unknown");
    HttpResponse<String> noLink =
        browser.postForm(
            "/verify-email",
            Map.of("_csrf", BrowserSession.csrfToken(browser.get("/login").body())));
    assertThat(noLink.statusCode()).isEqualTo(410);
  }

  private void assertGone(BrowserSession session, String link, String why) {
    HttpResponse<String> gone = session.follow(session.get(pathOf(link)));
    assertThat(gone.statusCode()).as(why).isEqualTo(410);
    assertThat(gone.body())
        .contains("<title>This link no longer works – Stride</title>")
        .contains("href=\"/account\"")
        .contains("Get a new link");
  }

  private static JsonNode only(TopicReader reader, String type, String userId) {
    var events = reader.await(AuthTestSupport.eventOf(type, userId), Duration.ofSeconds(20));
    assertThat(events).as(type).hasSize(1);
    return HttpJson.parse(events.get(0).value());
  }

  static String linkFrom(JsonNode emailVerificationRequested) {
    return emailVerificationRequested.get("payload").get("verifyUrl").asString();
  }

  private boolean verified(String userId) {
    return jdbc.queryForObject(
        "select email_verified from auth.account where id = ?::uuid", Boolean.class, userId);
  }

  private String accountId(String email) {
    return jdbc.queryForObject(
        "select id::text from auth.account where email = ?", String.class, email);
  }

  static String pathOf(String link) {
    URI uri = URI.create(link);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String tokenOf(String link) {
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  private static String sha256(String token) throws IllegalStateException {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
