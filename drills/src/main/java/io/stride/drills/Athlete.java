package io.stride.drills;

import static io.stride.platform.test.HttpJson.object;

import io.stride.platform.test.HttpJson;
import io.stride.platform.test.OAuthFlows;
import java.time.Instant;
import java.util.UUID;

/** A person who signed up and signed in through the drill's front, as the mobile app does. */
record Athlete(String email, String password, String accessToken, String refreshToken) {

  static final String APP_SCOPES =
      "openid profile profile:read profile:write workouts:read workouts:write";

  /**
   * Registers, signs in (authorization code + PKCE through the login form) and waits until the
   * profile exists (it is created from auth-service's event).
   */
  static Athlete signUp(String baseUrl, String displayName, String password) {
    HttpJson http = new HttpJson(baseUrl);
    String email = "drill-" + UUID.randomUUID() + "@example.com";
    HttpJson.Reply registered =
        http.post(
            "/api/v1/accounts",
            null,
            object("email", email, "password", password, "displayName", displayName));
    if (registered.status() / 100 != 2) {
      throw new IllegalStateException("registration answered " + registered);
    }
    var tokens = new OAuthFlows(baseUrl).signInWithMobileApp(email, password, APP_SCOPES);
    Athlete athlete =
        new Athlete(
            email,
            password,
            tokens.get("access_token").asString(),
            tokens.get("refresh_token").asString());
    Instant deadline = Instant.now().plusSeconds(30);
    while (http.get("/api/v1/profiles/me", athlete.accessToken()).status() != 200) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no profile 30 s after registration");
      }
      Edge.pause(100);
    }
    return athlete;
  }
}
