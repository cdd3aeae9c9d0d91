package io.stride.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.auth.AuthTestSupport;
import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * People with the role ADMIN (ADR 0030): the accounts whose verified address {@code
 * stride.auth.admins} lists, exactly, at every start and when a listed address is verified. Their
 * tokens from first-party apps carry {@code roles: ["ADMIN"]}; nobody else's tokens carry {@code
 * roles} at all.
 */
@StrideIntegrationTest
class AdminRolesIntegrationTests {

  /** Listed in the test configuration as {@code " The.Admin@Stride.TEST "}. */
  static final String CONFIGURED_ADMIN = "the.admin@stride.test";

  static final String SCOPES = "openid profile profile:read";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired AdminGrants grants;
  @Autowired AdminProperties properties;
  @Autowired EmailVerifications verifications;
  HttpJson http;
  OAuthFlows oauth;
  String baseUrl;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
    oauth = new OAuthFlows(baseUrl);
  }

  /** What the next start with the configured list does. */
  @AfterEach
  void restart() {
    grants.grantExactly(properties.admins());
  }

  @Test
  void aListedAddressGainsAdminWhenVerifiedAndItsAccessAndIdTokensCarryRolesAdmin() {
    try (TopicReader emails = new TopicReader(AuthTopics.ACCOUNT_EMAILS.name())) {
      assertThat(AuthTestSupport.registrationOf(http, CONFIGURED_ADMIN).status()).isEqualTo(202);
      String userId = idOf(CONFIGURED_ADMIN).toString();

      JsonNode unverified = signIn(CONFIGURED_ADMIN);
      assertThat(accessClaims(unverified).has("roles"))
          .as("registering a listed address proves nothing")
          .isFalse();
      assertThat(idClaims(unverified).has("roles")).isFalse();

      verifications.verify(verificationToken(emails, userId)).orElseThrow();

      JsonNode admin = signIn(CONFIGURED_ADMIN);
      assertThat(accessClaims(admin).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
      assertThat(idClaims(admin).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
      assertThat(accessClaims(admin).get("uid").asString()).isEqualTo(userId);

      Reply refreshed =
          oauth.refresh(OAuthFlows.MOBILE_CLIENT, admin.get("refresh_token").asString());
      assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
      assertThat(accessClaims(refreshed.json()).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
      assertThat(idClaims(refreshed.json()).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }
  }

  @Test
  void atStartExactlyTheVerifiedListedAccountsHoldAdminAndAnAddressTakenOffTheListLosesIt() {
    String listed = verifiedAccount();
    String notListed = verifiedAccount();
    String listedButUnverified = AuthTestSupport.registered(http);

    grants.grantExactly(List.of(" " + listed.toUpperCase(), listedButUnverified));

    assertThat(rolesOf(listed)).containsExactly("ADMIN");
    assertThat(rolesOf(notListed)).isEmpty();
    assertThat(rolesOf(listedButUnverified)).isEmpty();
    JsonNode admin = signIn(listed);
    assertThat(accessClaims(admin).get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    JsonNode other = signIn(notListed);
    assertThat(accessClaims(other).has("roles")).as("another account gets none").isFalse();
    assertThat(idClaims(other).has("roles")).isFalse();

    grants.grantExactly(List.of(notListed));

    assertThat(rolesOf(listed)).as("revoked at the next start").isEmpty();
    assertThat(rolesOf(notListed)).containsExactly("ADMIN");
    Reply refreshed =
        oauth.refresh(OAuthFlows.MOBILE_CLIENT, admin.get("refresh_token").asString());
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(accessClaims(refreshed.json()).has("roles"))
        .as("the next token of the former admin")
        .isFalse();
    assertThat(idClaims(refreshed.json()).has("roles")).isFalse();
  }

  @Test
  void trackerAndClientCredentialsTokensNeverCarryRoles() {
    String email = verifiedAccount();
    grants.grantExactly(List.of(email));

    JsonNode codes = oauth.deviceAuthorization("readings:write").json();
    BrowserSession owner = new BrowserSession(baseUrl);
    owner.follow(owner.signIn(email, AuthTestSupport.PASSWORD));
    assertThat(
            BrowserSession.location(
                oauth.approveDevice(owner, codes.get("user_code").asString(), "readings:write")))
        .endsWith("/activate/done");
    Reply tracker = oauth.pollDeviceToken(codes.get("device_code").asString());
    assertThat(tracker.status()).as(tracker.body()).isEqualTo(200);
    JsonNode trackerClaims = accessClaims(tracker.json());
    assertThat(trackerClaims.get("uid").asString()).isEqualTo(idOf(email).toString());
    assertThat(trackerClaims.has("roles"))
        .as("an app the admin approved acts with its scopes only")
        .isFalse();

    Reply partner = oauth.clientCredentials("partner-demo", "test-partner-secret", "profile:read");
    assertThat(partner.status()).as(partner.body()).isEqualTo(200);
    assertThat(accessClaims(partner.json()).has("roles")).isFalse();
  }

  private JsonNode signIn(String email) {
    return oauth.signInWithMobileApp(email, AuthTestSupport.PASSWORD, SCOPES);
  }

  /** A new account whose address counts as verified. */
  private String verifiedAccount() {
    String email = AuthTestSupport.registered(http);
    jdbc.update("update auth.account set email_verified = true where id = ?", idOf(email));
    return email;
  }

  private static String verificationToken(TopicReader emails, String userId) {
    var sent =
        emails.await(
            AuthTestSupport.eventOf("EmailVerificationRequested", userId), Duration.ofSeconds(20));
    assertThat(sent).hasSize(1);
    String link = HttpJson.parse(sent.get(0).value()).get("payload").get("verifyUrl").asString();
    return link.substring(link.indexOf("token=") + "token=".length());
  }

  private List<String> rolesOf(String email) {
    return jdbc.queryForList(
        "select role from auth.account_role where account_id = ?", String.class, idOf(email));
  }

  private UUID idOf(String email) {
    return jdbc.queryForObject(
        "select id from auth.account where email_normalized = ?",
        UUID.class,
        Account.normalize(email));
  }

  private static JsonNode accessClaims(JsonNode tokens) {
    return OAuthFlows.claims(tokens.get("access_token").asString());
  }

  private static JsonNode idClaims(JsonNode tokens) {
    return OAuthFlows.claims(tokens.get("id_token").asString());
  }
}
