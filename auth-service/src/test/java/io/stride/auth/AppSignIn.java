package io.stride.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stride.platform.test.BrowserSession;
import io.stride.platform.test.OAuthFlows;
import io.stride.platform.test.OAuthFlows.Pkce;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The mobile app signing its user in with OpenID Connect in one browser (one cookie jar), with the
 * authentication request parameters a test chooses ({@code prompt}, {@code max_age}, {@code
 * nonce}…). Two instances are two browsers of the same user.
 */
final class AppSignIn {

  final BrowserSession browser;
  private final OAuthFlows oauth;

  AppSignIn(String baseUrl) {
    this.browser = new BrowserSession(baseUrl);
    this.oauth = new OAuthFlows(baseUrl);
  }

  /** A new authorization request for the mobile app; remembers state and PKCE in the result. */
  Request request(String scope, Map<String, String> extra) {
    return new Request(scope, extra, Pkce.create(), UUID.randomUUID().toString());
  }

  /** Authorize with no session: sent to sign in, signs in, back to the app with a code. */
  JsonNode signIn(String email, String scope, Map<String, String> extra) {
    Request request = request(scope, extra);
    HttpResponse<String> first = browser.get(request.url());
    assertThat(BrowserSession.location(first)).as("sent to sign in").endsWith("/login");
    return signInAndExchange(email, request);
  }

  /** Signs in at the sign-in page the browser was sent to, then exchanges the code. */
  JsonNode signInAndExchange(String email, Request request) {
    HttpResponse<String> callback = browser.follow(browser.signIn(email, AuthTestSupport.PASSWORD));
    return exchange(request, callback);
  }

  /** Authorize with the browser's session: straight back to the app with a code. */
  JsonNode authorizeSilently(String scope, Map<String, String> extra) {
    Request request = request(scope, extra);
    return exchange(request, browser.get(request.url()));
  }

  /** The tokens for the code the response sends the app. */
  JsonNode exchange(Request request, HttpResponse<String> toTheApp) {
    Map<String, String> answer = answerToTheApp(toTheApp);
    assertThat(answer.get("state")).isEqualTo(request.state());
    assertThat(answer).as("authorization response").containsKey("code");
    return oauth.exchangeCode(answer.get("code"), request.pkce().verifier());
  }

  /** The query parameters of a redirect to the app's redirect URI. */
  static Map<String, String> answerToTheApp(HttpResponse<String> response) {
    String location = BrowserSession.location(response);
    assertThat(location).as("redirect to the app").startsWith(OAuthFlows.MOBILE_REDIRECT);
    return OAuthFlows.query(location);
  }

  static JsonNode idTokenClaims(JsonNode tokens) {
    return OAuthFlows.claims(tokens.get("id_token").asString());
  }

  /** One authorization request of the mobile app. */
  record Request(String scope, Map<String, String> extra, Pkce pkce, String state) {

    String url() {
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("response_type", "code");
      parameters.put("client_id", OAuthFlows.MOBILE_CLIENT);
      parameters.put("redirect_uri", OAuthFlows.MOBILE_REDIRECT);
      parameters.put("scope", scope);
      parameters.put("state", state);
      parameters.put("code_challenge", pkce.challenge());
      parameters.put("code_challenge_method", "S256");
      parameters.putAll(extra);
      return "/oauth2/authorize?" + BrowserSession.encode(parameters);
    }
  }
}
