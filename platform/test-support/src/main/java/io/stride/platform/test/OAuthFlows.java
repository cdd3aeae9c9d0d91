package io.stride.platform.test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth2 flows our clients run, driven over real HTTP: authorization code with PKCE (the mobile
 * app), device authorization (trackers), client credentials (partners), refresh.
 */
public final class OAuthFlows {

  public static final String MOBILE_CLIENT = "stride-mobile";
  public static final String MOBILE_REDIRECT = "http://127.0.0.1:47123/callback";
  public static final String DEVICE_CLIENT = "stride-device";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String baseUrl;
  private final HttpJson http;

  public OAuthFlows(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = new HttpJson(baseUrl);
  }

  /** A PKCE verifier and its S256 challenge. */
  public record Pkce(String verifier, String challenge) {
    public static Pkce create() {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public String authorizeUrl(String scopes, Pkce pkce, String method, String state) {
    return "/oauth2/authorize?"
        + BrowserSession.encode(
            Map.of(
                "response_type", "code",
                "client_id", MOBILE_CLIENT,
                "redirect_uri", MOBILE_REDIRECT,
                "scope", scopes,
                "state", state,
                "code_challenge", method.equals("S256") ? pkce.challenge() : pkce.verifier(),
                "code_challenge_method", method));
  }

  /**
   * The mobile app's sign-in: authorize → login form → redirect with code → token exchange.
   *
   * @return the token response (access_token, refresh_token, id_token…)
   */
  public JsonNode signInWithMobileApp(String email, String password, String scopes) {
    BrowserSession browser = new BrowserSession(baseUrl);
    Pkce pkce = Pkce.create();
    HttpResponse<String> first = browser.get(authorizeUrl(scopes, pkce, "S256", "state-1"));
    if (!BrowserSession.isRedirect(first)) {
      throw new AssertionError(
          "authorize did not redirect to login: " + first.statusCode() + first.body());
    }
    HttpResponse<String> afterLogin = browser.signIn(email, password);
    HttpResponse<String> callback = browser.follow(afterLogin);
    String location = BrowserSession.location(callback);
    if (!location.startsWith(MOBILE_REDIRECT)) {
      throw new AssertionError("expected a redirect to the app, got " + location);
    }
    Map<String, String> query = query(location);
    if (!"state-1".equals(query.get("state"))) {
      throw new AssertionError("state not returned: " + location);
    }
    return exchangeCode(query.get("code"), pkce.verifier());
  }

  public JsonNode exchangeCode(String code, String verifier) {
    return tokenRequest(
            Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", MOBILE_REDIRECT,
                "client_id", MOBILE_CLIENT,
                "code_verifier", verifier),
            null)
        .json();
  }

  public HttpJson.Reply refresh(String clientId, String refreshToken) {
    return tokenRequest(
        Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId),
        null);
  }

  public HttpJson.Reply clientCredentials(String clientId, String secret, String scope) {
    Map<String, String> form = new HashMap<>(Map.of("grant_type", "client_credentials"));
    if (scope != null) {
      form.put("scope", scope);
    }
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                        + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
    return tokenRequest(form, "Basic " + basic);
  }

  public HttpJson.Reply deviceAuthorization(String scope) {
    return form(
        "/oauth2/device_authorization", Map.of("client_id", DEVICE_CLIENT, "scope", scope), null);
  }

  public HttpJson.Reply pollDeviceToken(String deviceCode) {
    return tokenRequest(
        Map.of(
            "grant_type", "urn:ietf:params:oauth:grant-type:device_code",
            "device_code", deviceCode,
            "client_id", DEVICE_CLIENT),
        null);
  }

  /**
   * The owner's side of the device flow: sign in, enter the code at /activate, approve.
   *
   * @return the final response (a redirect to /activate/done when it worked)
   */
  public HttpResponse<String> approveDevice(BrowserSession browser, String userCode, String scope) {
    HttpResponse<String> form = browser.follow(browser.get("/activate"));
    String csrf = BrowserSession.csrfToken(form.body());
    HttpResponse<String> consentPage =
        browser.follow(browser.postForm("/activate", Map.of("user_code", userCode, "_csrf", csrf)));
    String state = BrowserSession.formField(consentPage.body(), "state");
    Map<String, String> consent = new HashMap<>();
    consent.put("client_id", DEVICE_CLIENT);
    consent.put("state", state);
    consent.put("scope", scope);
    consent.put("user_code", BrowserSession.formField(consentPage.body(), "user_code"));
    return browser.postForm("/oauth2/device_verification", consent);
  }

  public HttpJson.Reply tokenRequest(Map<String, String> form, String authorization) {
    return form("/oauth2/token", form, authorization);
  }

  private HttpJson.Reply form(String path, Map<String, String> form, String authorization) {
    HttpRequest.Builder request =
        http.request(path, null)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(BrowserSession.encode(form)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build());
  }

  /** The claims of a JWT (not verified: the services under test do that). */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  public static Map<String, String> query(String url) {
    Map<String, String> params = new HashMap<>();
    String query = URI.create(url).getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(
            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    return params;
  }
}
