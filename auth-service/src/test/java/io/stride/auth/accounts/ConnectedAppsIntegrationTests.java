package io.stride.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stride.auth.AuthTestSupport;
import io.stride.contracts.auth.AuthTopics;
import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.StrideIntegrationTest;
import io.stride.platform.test.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import tools.jackson.databind.JsonNode;

/**
 * The athlete's connected apps and devices: listed with what each may do, and disconnected at once
 * (consent, authorizations and refresh tokens gone, {@code AppDisconnected} published).
 */
@StrideIntegrationTest
class ConnectedAppsIntegrationTests {

  static final String APPS = "/api/v1/accounts/me/connected-apps";
  static final String CONSENTING_APP = "consenting-app";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired OAuth2AuthorizationService authorizations;
  HttpJson http;
  OAuthFlows oauth;
  BrowserSession browser;
  String email;
  String userId;
  String manage;

  @BeforeEach
  void setUp() {
    String baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
    oauth = new OAuthFlows(baseUrl);
    email = AuthTestSupport.registered(http);
    userId =
        jdbc.queryForObject(
            "select id::text from auth.account where email = ?", String.class, email);
    browser = new BrowserSession(baseUrl);
    browser.signIn(email, AuthTestSupport.PASSWORD);
    manage =
        oauth
            .signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid account:manage")
            .get("access_token")
            .asString();
  }

  @Test
  void anApprovedAppAndAConnectedDeviceAreListedWithTheirScopesInWordsButTheMobileAppIsNot() {
    approveConsentingApp();
    connectDevice();

    Reply listed = http.get(APPS, manage);

    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    List<JsonNode> apps = listed.json().valueStream().toList();
    assertThat(apps)
        .extracting(app -> app.get("clientId").asString())
        .containsExactly(OAuthFlows.DEVICE_CLIENT, CONSENTING_APP);
    JsonNode device = apps.get(0);
    assertThat(device.get("kind").asString()).isEqualTo("device");
    assertThat(device.get("name").asString()).isEqualTo("Fitness tracker");
    assertThat(device.get("scopes").get(0).get("scope").asString()).isEqualTo("readings:write");
    JsonNode app = apps.get(1);
    assertThat(app.get("kind").asString()).isEqualTo("app");
    assertThat(app.get("name").asString()).isEqualTo("Consenting test app");
    assertThat(app.get("scopes").valueStream().map(scope -> scope.get("scope").asString()))
        .containsExactly("openid", "profile");
    assertThat(app.get("scopes").get(1).get("description").asString()).isEqualTo("See your name");
    assertThat(app.get("connectedAt").asString()).isNotBlank();
  }

  @Test
  void disconnectingAnAppRemovesItsConsentAndAuthorizationsAndPublishesAppDisconnected() {
    approveConsentingApp();
    try (TopicReader users = new TopicReader(AuthTopics.USERS.name())) {
      Reply disconnected = http.delete(APPS + "/" + CONSENTING_APP, manage);

      assertThat(disconnected.status()).as(disconnected.body()).isEqualTo(204);
      var events =
          users.await(AuthTestSupport.eventOf("AppDisconnected", userId), Duration.ofSeconds(20));
      assertThat(events).hasSize(1);
      JsonNode payload = HttpJson.parse(events.get(0).value()).get("payload");
      assertThat(payload.get("clientId").asString()).isEqualTo(CONSENTING_APP);
      assertThat(payload.get("clientName").asString()).isEqualTo("Consenting test app");
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from auth.oauth2_authorization a"
                    + " join auth.oauth2_registered_client c on c.id = a.registered_client_id"
                    + " where a.principal_name = ? and c.client_id = ?",
                Integer.class,
                userId,
                CONSENTING_APP))
        .as("the app's authorizations")
        .isZero();
    assertThat(http.get(APPS, manage).json().size()).isZero();
    HttpResponse<String> again =
        browser.follow(browser.get(AuthTestSupport.consentingAppAuthorization()));
    assertThat(again.body()).as("asked again").contains("Allow Consenting test app");
    assertThat(oauth.refresh(OAuthFlows.MOBILE_CLIENT, mobileRefreshToken()).status())
        .as("the mobile app stays signed in")
        .isEqualTo(200);
  }

  @Test
  void aDisconnectedDeviceCannotRefreshItsTokens() {
    JsonNode tokens = connectDevice();

    assertThat(http.delete(APPS + "/" + OAuthFlows.DEVICE_CLIENT, manage).status()).isEqualTo(204);

    Reply refreshed =
        oauth.refresh(OAuthFlows.DEVICE_CLIENT, tokens.get("refresh_token").asString());
    assertThat(refreshed.status()).isEqualTo(400);
    assertThat(refreshed.json().get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void tokensStoredForAnAuthorizationRemovedMeanwhileAreRefusedNotStoredAgain() {
    JsonNode tokens = connectDevice();
    OAuth2Authorization authorization =
        authorizations.findByToken(
            tokens.get("refresh_token").asString(), OAuth2TokenType.REFRESH_TOKEN);
    assertThat(authorization).isNotNull();
    assertThat(http.delete(APPS + "/" + OAuthFlows.DEVICE_CLIENT, manage).status()).isEqualTo(204);

    // a refresh that read the authorization before the disconnection, saving after it
    assertThatThrownBy(() -> authorizations.save(authorization))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("revoked");
    assertThat(authorizations.findById(authorization.getId())).isNull();
  }

  @Test
  void disconnectingWhatIsNotConnectedOrTheFirstPartyAppIs404WithAProblem() {
    for (String clientId : List.of(CONSENTING_APP, OAuthFlows.MOBILE_CLIENT, "no-such-app")) {
      Reply missing = http.delete(APPS + "/" + clientId, manage);
      assertThat(missing.status()).as(clientId).isEqualTo(404);
      assertThat(missing.contentType()).startsWith("application/problem+json");
      assertThat(missing.json().get("detail").asString()).contains(clientId);
    }
  }

  @Test
  void anotherAthletesConnectionIsNotTheirsToDisconnect() {
    approveConsentingApp();
    String other = AuthTestSupport.registered(http);
    String othersToken =
        oauth
            .signInWithMobileApp(other, AuthTestSupport.PASSWORD, "openid account:manage")
            .get("access_token")
            .asString();

    assertThat(http.delete(APPS + "/" + CONSENTING_APP, othersToken).status()).isEqualTo(404);
    assertThat(http.get(APPS, othersToken).json().size()).isZero();
    assertThat(http.get(APPS, manage).json().size()).isOne();
  }

  @Test
  void aTokenWithoutAccountManageIs403() {
    String profileOnly =
        oauth
            .signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid profile:read")
            .get("access_token")
            .asString();

    assertThat(http.get(APPS, profileOnly).status()).isEqualTo(403);
    assertThat(http.delete(APPS + "/" + CONSENTING_APP, profileOnly).status()).isEqualTo(403);
    assertThat(http.get(APPS, null).status()).isEqualTo(401);
  }

  private String mobileRefreshToken() {
    return oauth
        .signInWithMobileApp(email, AuthTestSupport.PASSWORD, "openid")
        .get("refresh_token")
        .asString();
  }

  private void approveConsentingApp() {
    HttpResponse<String> consent =
        browser.follow(browser.get(AuthTestSupport.consentingAppAuthorization()));
    assertThat(consent.body()).contains("Allow Consenting test app");
    Map<String, String> answer =
        OAuthFlows.query(BrowserSession.location(browser.submit(consent, "Allow")));
    assertThat(answer).containsKey("code");
  }

  /** A tracker connected by the device flow; its tokens. */
  private JsonNode connectDevice() {
    JsonNode started = oauth.deviceAuthorization("readings:write").json();
    assertThat(
            BrowserSession.location(
                oauth.approveDevice(
                    browser, started.get("user_code").asString(), "readings:write")))
        .endsWith("/activate/done");
    Reply tokens = oauth.pollDeviceToken(started.get("device_code").asString());
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    return tokens.json();
  }
}
