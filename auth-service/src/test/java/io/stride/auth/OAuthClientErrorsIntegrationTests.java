package io.stride.auth;

import static io.stride.auth.AuthTestSupport.formPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.HttpJson;
import io.stride.platform.test.HttpJson.Reply;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.OAuthFlows.Pkce;
import io.stride.platform.test.StrideIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Client errors on the OAuth endpoints are RFC 6749 / 7009 / 7662 JSON errors whatever the Accept
 * header (none, {@code *}{@code /*}, JSON); only a browser asking for HTML is sent to sign in.
 */
@StrideIntegrationTest
class OAuthClientErrorsIntegrationTests {

  private static final String DEVICE_GRANT =
      "urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code";

  @LocalServerPort int port;
  String baseUrl;
  HttpJson http;

  @BeforeEach
  void setUp() {
    baseUrl = "http://127.0.0.1:" + port;
    http = new HttpJson(baseUrl);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"*/*", "application/json"})
  void aGrantTheClientMayNotUseIs400UnauthorizedClient(String accept) {
    assertOAuthError(
        token("grant_type=client_credentials&client_id=stride-mobile", accept),
        400,
        "unauthorized_client");
    assertOAuthError(
        token(
            "grant_type="
                + DEVICE_GRANT
                + "&client_id=stride-mobile&device_code="
                + UUID.randomUUID(),
            accept),
        400,
        "unauthorized_client");
    assertOAuthError(
        send(formPost(baseUrl, "/oauth2/device_authorization", "client_id=stride-mobile", accept)),
        400,
        "unauthorized_client");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"*/*", "application/json"})
  void introspectionAndRevocationWithoutClientAuthenticationAre401InvalidClient(String accept) {
    assertOAuthError(
        send(formPost(baseUrl, "/oauth2/introspect", "token=abc", accept)), 401, "invalid_client");
    assertOAuthError(
        send(formPost(baseUrl, "/oauth2/revoke", "token=abc", accept)), 401, "invalid_client");
    assertOAuthError(
        send(formPost(baseUrl, "/oauth2/introspect", "token=abc&client_id=partner-demo", accept)),
        401,
        "invalid_client");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"*/*", "application/json"})
  void anUnknownClientIs401InvalidClient(String accept) {
    assertOAuthError(
        token("grant_type=refresh_token&refresh_token=x&client_id=nobody", accept),
        401,
        "invalid_client");
    assertOAuthError(
        token("grant_type=client_credentials&client_id=nobody", accept), 401, "invalid_client");
    HttpRequest withSecret =
        HttpRequest.newBuilder(
                formPost(baseUrl, "/oauth2/token", "grant_type=client_credentials", accept),
                (name, value) -> true)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("nobody:secret".getBytes(StandardCharsets.UTF_8)))
            .build();
    assertOAuthError(send(withSecret), 401, "invalid_client");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"*/*", "application/json"})
  void aTokenRequestWithoutAnyClientIs401InvalidClient(String accept) {
    assertOAuthError(token("grant_type=client_credentials", accept), 401, "invalid_client");
  }

  @Test
  void aBrowserOpeningTheAuthorizationEndpointIsStillSentToSignIn() {
    BrowserSession browser = new BrowserSession(baseUrl);
    HttpResponse<String> response =
        browser.get(
            new OAuthFlows(baseUrl).authorizeUrl("profile:read", Pkce.create(), "S256", "s"));
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(BrowserSession.location(response)).endsWith("/login");
  }

  @Test
  void userinfoWithoutATokenIs401BearerNotTheSignInPage() {
    Reply reply =
        send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/userinfo")).GET().build());
    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(reply.header("Location")).isNull();
  }

  private Reply token(String form, String accept) {
    return send(formPost(baseUrl, "/oauth2/token", form, accept));
  }

  private Reply send(HttpRequest request) {
    return http.send(request);
  }

  private static void assertOAuthError(Reply reply, int status, String error) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.header("Location")).isNull();
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().get("error").asString()).isEqualTo(error);
  }
}
