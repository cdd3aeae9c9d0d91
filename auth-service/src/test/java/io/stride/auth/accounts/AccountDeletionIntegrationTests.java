package io.stride.auth.accounts;

import static io.stride.platform.test.HttpJson.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.auth.AuthTestSupport;
import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.Erasure;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@StrideIntegrationTest
class AccountDeletionIntegrationTests {

  static final String DELETION = "/api/v1/accounts/me/deletion";
  static final String SCOPES = "openid account:manage profile:read";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
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
  void deletingWithThePasswordErasesAllAuthHoldsRevokesRefreshTokensAndPublishesUserDeleted() {
    String email = AuthTestSupport.registered(http);
    UUID userId = idOf(email);
    JsonNode tokens = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);
    String other = AuthTestSupport.registered(http);
    oauth.signInWithMobileApp(other, AuthTestSupport.PASSWORD, SCOPES);
    new BrowserSession(baseUrl).signIn(email, "a wrong password first");

    try (TopicReader reader = new TopicReader(AuthTopics.USERS.name())) {
      Reply deleted = delete(tokens, AuthTestSupport.PASSWORD);

      assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
      var events =
          reader.await(
              record ->
                  record.key().equals(userId.toString())
                      && record.value().contains("\"UserDeleted\""),
              Duration.ofSeconds(20));
      assertThat(events).hasSize(1);
      JsonNode envelope = HttpJson.parse(events.get(0).value());
      assertThat(envelope.get("payload").get("userId").asString()).isEqualTo(userId.toString());
      assertThat(envelope.get("payload").get("deletedAt").asString()).isNotBlank();
    }
    Erasure.assertNoRowsOf(dataSource, "auth", userId, Set.of("outbox_event"));
    assertThat(
            jdbc.queryForList(
                "select event_type from auth.outbox_event where envelope::text like ?",
                String.class,
                "%" + userId + "%"))
        .as("only the announcement of the erasure is left, until the outbox retention")
        .containsExactly("UserDeleted");
    assertThat(count("select count(*) from auth.login_failure where account_key = ?", lower(email)))
        .isZero();
    assertThat(count("select count(*) from auth.account where id = ?", idOf(other))).isOne();
    assertThat(
            count(
                "select count(*) from auth.oauth2_authorization where principal_name = ?",
                idOf(other).toString()))
        .isPositive();

    Reply refreshed =
        oauth.refresh(OAuthFlows.MOBILE_CLIENT, tokens.get("refresh_token").asString());
    assertThat(refreshed.status()).isEqualTo(400);
    assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
    assertThat(
            BrowserSession.location(
                new BrowserSession(baseUrl).signIn(email, AuthTestSupport.PASSWORD)))
        .endsWith("/login?error");
    Reply again = delete(tokens, AuthTestSupport.PASSWORD);
    assertThat(again.status()).as("the access token outlives the account").isEqualTo(404);
  }

  @Test
  void aWrongPasswordIs403KeepsTheAccountAndCountsAsAFailedSignIn() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);

    Reply wrong = delete(tokens, "not my password at all");

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.contentType()).startsWith("application/problem+json");
    assertThat(wrong.json().get("detail").asString()).contains("password");
    assertThat(count("select count(*) from auth.account where id = ?", idOf(email))).isOne();
    assertThat(count("select count(*) from auth.login_failure where account_key = ?", lower(email)))
        .isOne();
  }

  @Test
  void afterTooManyWrongPasswordsEvenTheRightOneWaitsWithRetryAfter() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);
    for (int i = 0; i < 11; i++) {
      jdbc.update(
          "insert into auth.login_failure (account_key, client_ip, failed_at) values (?, ?, ?)",
          lower(email),
          "198.51.100.90",
          Timestamp.from(Instant.now()));
    }

    Reply throttled = delete(tokens, AuthTestSupport.PASSWORD);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    assertThat(count("select count(*) from auth.account where id = ?", idOf(email))).isOne();
  }

  @Test
  void tokensWithoutAccountManageOrWithoutAUserAre403() throws Exception {
    String email = AuthTestSupport.registered(http);
    UUID userId = idOf(email);
    JsonNode profileOnly =
        oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, "profile:read");
    String partner =
        oauth
            .clientCredentials("partner-demo", "test-partner-secret", "profile:read")
            .json()
            .get("access_token")
            .asString();
    String device = deviceToken(email);

    for (String token :
        new String[] {profileOnly.get("access_token").asString(), partner, device}) {
      Reply refused = http.post(DELETION, token, object("password", AuthTestSupport.PASSWORD));
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(count("select count(*) from auth.account where id = ?", userId)).isOne();

    JsonNode manage = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);
    assertThat(delete(manage, AuthTestSupport.PASSWORD).status()).isEqualTo(204);
    assertThat(
            count(
                "select count(*) from auth.oauth2_authorization where principal_name = ?",
                userId.toString()))
        .as("the tracker's authorization went too")
        .isZero();
  }

  @Test
  void aMissingOrOverlongPasswordIs400WithTheFieldNamed() {
    String email = AuthTestSupport.registered(http);
    JsonNode tokens = oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);
    String token = tokens.get("access_token").asString();

    for (Object body : new Object[] {Map.of(), object("password", "x".repeat(129))}) {
      Reply reply = http.post(DELETION, token, body);
      assertThat(reply.status()).as(reply.body()).isEqualTo(400);
      assertThat(reply.json().get("errors").toString()).contains("password");
    }
  }

  private String deviceToken(String email) throws InterruptedException {
    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    BrowserSession owner = new BrowserSession(baseUrl);
    owner.follow(owner.signIn(email, AuthTestSupport.PASSWORD));
    oauth.approveDevice(owner, codes.get("user_code").asString(), "readings:write");
    Reply token = oauth.pollDeviceToken(codes.get("device_code").asString());
    for (int i = 0; i < 10 && token.status() != 200; i++) {
      Thread.sleep(1_100); // the test's poll interval is 1 s
      token = oauth.pollDeviceToken(codes.get("device_code").asString());
    }
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    return token.json().get("access_token").asString();
  }

  private Reply delete(JsonNode tokens, String password) {
    return http.post(DELETION, tokens.get("access_token").asString(), object("password", password));
  }

  private UUID idOf(String email) {
    return UUID.fromString(
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email));
  }

  private static String lower(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
