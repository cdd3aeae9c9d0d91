package io.stride.auth;

import static io.stride.auth.AuthTestSupport.formPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sign-in and token requests with hostile input: throttle waits, control characters, junk IPs. */
@StrideIntegrationTest
class SignInHardeningIntegrationTests {

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
  void retryAfterIsNeverShorterThanTheRealWaitSoAClientThatObeysGetsIn() throws Exception {
    String email = AuthTestSupport.registered(http);
    BrowserSession client = new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "198.51.100.21"));
    for (int i = 0; i < 10; i++) {
      client.signIn(email, "wrong password " + i);
    }
    Thread.sleep(1_100); // the first delay after ten failures is one second
    assertThat(BrowserSession.location(client.signIn(email, "wrong again")))
        .endsWith("/login?error"); // an eleventh failure: the next wait is two seconds

    HttpResponse<String> throttled = client.signIn(email, AuthTestSupport.PASSWORD);
    Instant answeredAt = Instant.now();
    assertThat(throttled.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    Instant lastFailure =
        jdbc.queryForObject(
                "select max(failed_at) from auth.login_failure where account_key = ?",
                Timestamp.class,
                email.toLowerCase(Locale.ROOT))
            .toInstant();
    Duration realWait = Duration.between(answeredAt, lastFailure.plusSeconds(2));
    assertThat(Duration.ofSeconds(retryAfter)).isGreaterThanOrEqualTo(realWait);
    assertThat(throttled.body()).contains("Try again in " + retryAfter + " seconds");

    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
    HttpResponse<String> obeyed = client.signIn(email, AuthTestSupport.PASSWORD);
    assertThat(obeyed.statusCode()).isEqualTo(302);
    assertThat(BrowserSession.location(obeyed)).doesNotContain("error");
  }

  @Test
  void controlCharactersInTheSignInFormAre400NotAServerError() {
    String email = AuthTestSupport.registered(http);
    BrowserSession browser = new BrowserSession(baseUrl);
    for (String[] attempt :
        new String[][] {
          {"a\u0000b@example.com", "whatever password"},
          {email, "correct\u0000horse"},
          {email + "\u0001", AuthTestSupport.PASSWORD}
        }) {
      HttpResponse<String> response = browser.signIn(attempt[0], attempt[1]);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
  }

  @Test
  void aSignInNameThatCannotBeAnEmailIsAWrongPasswordNotAServerError() {
    HttpResponse<String> response =
        new BrowserSession(baseUrl).signIn("a".repeat(400) + "@example.com", "some password");
    assertThat(BrowserSession.location(response)).endsWith("/login?error");
  }

  @Test
  void aForwardedForThatIsNoIpAddressDoesNotBreakSignInOrCodeEntry() {
    BrowserSession browser =
        new BrowserSession(baseUrl, Map.of("X-Forwarded-For", "1".repeat(100)));
    HttpResponse<String> response = browser.signIn(AuthTestSupport.newEmail(), "some password");
    assertThat(BrowserSession.location(response)).endsWith("/login?error");

    String email = AuthTestSupport.registered(http);
    browser.follow(browser.signIn(email, AuthTestSupport.PASSWORD));
    HttpResponse<String> form = browser.get("/activate");
    HttpResponse<String> code =
        browser.postForm(
            "/activate",
            Map.of("user_code", "WXYZ-0001", "_csrf", BrowserSession.csrfToken(form.body())));
    assertThat(code.statusCode()).isEqualTo(400);
  }

  @Test
  void tokenRequestsWithANulAre400InvalidRequestNotAServerError() {
    for (String form :
        new String[] {
          "grant_type=refresh_token&refresh_token=a%00b&client_id=stride-mobile",
          "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=a%00b"
              + "&client_id=stride-device",
          "grant_type=refresh_token&refresh_token=ab&client_id=stride%00mobile"
        }) {
      Reply reply = http.send(formPost(baseUrl, "/oauth2/token", form, null));
      assertThat(reply.status()).as(form).isEqualTo(400);
      assertThat(reply.json().get("error").asString()).isEqualTo("invalid_request");
    }
  }
}
